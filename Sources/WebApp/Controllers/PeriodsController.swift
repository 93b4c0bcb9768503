import Access
import Domain
import Hummingbird
import Service

/// A center's bell periods (节次): read them, replace them at the version read.
struct PeriodsController: Sendable {
    let calendar: CalendarService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/periods") { _, context in
            let periods = try await calendar.periods(
                of: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: periods, version: periods.version)
        }
        router.put("centers/:centerId/periods") { request, context in
            let id = try context.uuidParameter("centerId")
            let version = try request.ifMatchVersion()
            let input = try await request.decodeJSON(as: PeriodSchedule.self, context: context)
            let periods = try await calendar.replacePeriods(
                input, of: id, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: periods, version: periods.version)
        }
    }
}
