import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Opening hours, closures and the national calendar.
struct CalendarController: Sendable {
    let calendar: CalendarService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/opening-hours") { _, context in
            try context.authorize(.read, .center(try context.uuidParameter("centerId")), entity: "center")
            return JSONResponse(
                value: Items(items: try await calendar.openingHours(of: try context.uuidParameter("centerId"))))
        }
        router.put("centers/:centerId/opening-hours") { request, context in
            let id = try context.uuidParameter("centerId")
            try context.authorize(.change, .center(id), entity: "center")
            let week = try await request.decodeJSON(as: Items<OpeningHours>.self, context: context)
            return JSONResponse(
                value: Items(items: try await calendar.setOpeningHours(week.items, of: id, by: try context.actor())))
        }
        router.get("centers/:centerId/closures") { _, context in
            try context.authorize(.read, .center(try context.uuidParameter("centerId")), entity: "center")
            return JSONResponse(
                value: Items(items: try await calendar.closures(of: try context.uuidParameter("centerId"))))
        }
        router.post("centers/:centerId/closures") { request, context in
            let id = try context.uuidParameter("centerId")
            try context.authorize(.change, .center(id), entity: "center")
            let closure = try await calendar.addClosure(
                try await request.decodeJSON(as: Closure.self, context: context), to: id, by: try context.actor())
            return JSONResponse(status: .created, value: closure)
        }
        router.get("calendar-days/:year") { _, context in
            try context.authorize(.read, .consortium, entity: "calendar")
            return JSONResponse(value: Items(items: try await calendar.calendarDays(year: try context.yearParameter())))
        }
        router.put("calendar-days/:year") { request, context in
            let year = try context.yearParameter()
            try context.authorize(.change, .consortium, entity: "calendar")
            let days = try await request.decodeJSON(as: Items<CalendarDay>.self, context: context)
            return JSONResponse(
                value: Items(items: try await calendar.setCalendarDays(days.items, year: year, by: try context.actor()))
            )
        }
    }
}

extension RequestContext {
    /// The `year` path parameter: four digits, else 404.
    func yearParameter() throws -> Int {
        guard let text = parameters.get("year"), text.count == 4, let year = Int(text) else {
            throw ProblemDetails.notFound()
        }
        return year
    }
}
