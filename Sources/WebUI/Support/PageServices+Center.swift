import Access
import Domain
import Foundation
import Service

extension PageServices {
    /// The center a reader works with: the one they manage, else the consortium's first.
    /// - Throws: ``PageError/notFound`` when there is no center yet.
    func center(for principal: Principal) async throws -> Center {
        guard let center = try await centers.workplace(as: principal) else { throw PageError.notFound }
        return center
    }

    /// The center the reader manages, for the manager's pages.
    /// - Throws: ``PageError/forbidden`` when the reader may not change it.
    func managedCenter(for principal: Principal) async throws -> Center {
        do {
            return try await centers.managedCenter(as: principal)
        } catch ServiceError.forbidden {
            throw PageError.forbidden
        } catch ServiceError.notFound {
            throw PageError.notFound
        }
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
