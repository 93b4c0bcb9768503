import Access
import Domain
import Hummingbird
import Service

/// Maintenance windows of resources.
struct MaintenanceController: Sendable {
    let maintenance: MaintenanceService
    let centers: CenterService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("resources/:resourceId/maintenance") { request, context in
            try context.authorize(.read, .consortium, entity: "resource")
            let range = try request.queryRange()
            let windows = try await maintenance.windows(
                of: try context.uuidParameter("resourceId"), from: range.from, to: range.to)
            return JSONResponse(value: Items(items: windows))
        }
        router.post("resources/:resourceId/maintenance") { request, context in
            let resourceId = try context.uuidParameter("resourceId")
            try context.authorize(.change, .center(try await centers.resource(resourceId).centerId), entity: "resource")
            let input = try await request.decodeJSON(as: NewMaintenanceWindow.self, context: context)
            let window = try await maintenance.schedule(input, on: resourceId, by: try context.actor())
            return JSONResponse(status: .created, value: window, location: "/maintenance-windows/\(window.id)")
        }
        router.delete("maintenance-windows/:windowId") { _, context -> HTTPResponse.Status in
            let id = try context.uuidParameter("windowId")
            let window = try await maintenance.window(id)
            try context.authorize(
                .change, .center(try await centers.resource(window.resourceId).centerId), entity: "maintenance window")
            try await maintenance.remove(id, by: try context.actor())
            return .noContent
        }
    }
}
