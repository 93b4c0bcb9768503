import Access
import Domain
import Foundation
import Service

extension PageServices {
    /// The center a reader works with: the one they manage, else the consortium's first.
    /// - Throws: ``PageError/notFound`` when there is no center yet.
    func center(for principal: Principal) async throws -> Center {
        if let id = principal.managedCenters.min(by: { $0.uuidString < $1.uuidString }) {
            return try await centers.center(id)
        }
        guard let first = try await centers.centers(page: Page(limit: 1)).first else { throw PageError.notFound }
        return first
    }

    /// The center the reader manages, for the manager's pages.
    /// - Throws: ``PageError/forbidden`` when `Policy` does not let them change it.
    func managedCenter(for principal: Principal) async throws -> Center {
        let center = try await center(for: principal)
        guard Policy(principal).decide(.change, .center(center.id)) == .allowed else { throw PageError.forbidden }
        return center
    }
}

extension PageContext {
    /// The signed-in reader.
    /// - Throws: ``PageError/signIn`` when there is none (the reader is sent to the login page).
    func reader() throws -> Principal {
        guard let principal else { throw PageError.signIn }
        return principal
    }

    /// The signed-in reader, who must hold `role`.
    /// - Throws: ``PageError/signIn`` without a reader, ``PageError/forbidden`` without the role.
    func reader(holding role: Role) throws -> Principal {
        let principal = try reader()
        guard principal.has(role) else { throw PageError.forbidden }
        return principal
    }
}
