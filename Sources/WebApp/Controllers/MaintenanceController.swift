import Access
import Domain
import Hummingbird
import Service

/// Maintenance windows of resources.
struct MaintenanceController: Sendable {
    let maintenance: MaintenanceService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("resources/:resourceId/maintenance") { request, context in
            let range = try request.queryRange()
            let windows = try await maintenance.windows(
                of: try context.uuidParameter("resourceId"), from: range.from, to: range.to,
                as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: windows))
        }
        router.post("resources/:resourceId/maintenance") { request, context in
            let resourceId = try context.uuidParameter("resourceId")
            let input = try await request.decodeJSON(as: NewMaintenanceWindow.self, context: context)
            let window = try await maintenance.schedule(input, on: resourceId, as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: window, location: "/maintenance-windows/\(window.id)")
        }
        router.delete("maintenance-windows/:windowId") { _, context -> HTTPResponse.Status in
            try await maintenance.remove(try context.uuidParameter("windowId"), as: try context.requirePrincipal())
            return .noContent
        }
    }
}
