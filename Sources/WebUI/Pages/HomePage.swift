import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/`: what the reader can do, by role, with the figures that say where to start.
struct HomePage: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("") { request, context in
            let principal = try context.reader()
            let center = try await services.center(for: principal)
            var data: [String: Any] = ["centerName": center.name]
            if let waiting = try await services.requests.waiting(in: center.id, as: principal) {
                data["manager"] = ["submitted": waiting]
            }
            if principal.has(.schoolCoordinator) { data["school"] = true }
            if principal.has(.enterpriseCoordinator) { data["enterprise"] = true }
            if principal.isCoordinator {
                let lines = try await quotaLines(center, principal.organizationId, request, context)
                if !lines.isEmpty { data["quotaCard"] = ["lines": lines] }
            }
            if principal.has(.instructor) { data["instructor"] = true }
            if principal.has(.auditor) { data["auditor"] = true }
            return renderer.page("home", PageFrame(request, context: context), data)
        }
    }

    /// The coordinator's organization's quotas at the center, each as "6 of 20 h left this month".
    private func quotaLines(
        _ center: Center, _ organizationId: UUID, _ request: Request, _ context: some PageContext
    ) async throws -> [[String: String]] {
        let principal = try context.reader()
        let uses = try await services.quotas.quotas(of: center.id, organizationId: organizationId, as: principal)
        guard !uses.isEmpty else { return [] }
        let resources = try await services.centers.resources(of: center.id, page: try Page(limit: 500), as: principal)
        let text = QuotaText(
            strings: renderer.strings, language: PageFrame(request, context: context).language,
            resourceNames: Dictionary(resources.map { ($0.id, $0.name) }) { first, _ in first })
        return uses.map { ["scope": text.scope($0.quota), "left": text.left($0)] }
    }
}
