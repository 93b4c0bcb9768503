import Access
import Domain
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
            if principal.has(.instructor) { data["instructor"] = true }
            if principal.has(.auditor) { data["auditor"] = true }
            return renderer.page("home", PageFrame(request, context: context), data)
        }
    }
}
