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
            let hours = try await calendar.openingHours(
                of: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: hours))
        }
        router.put("centers/:centerId/opening-hours") { request, context in
            let id = try context.uuidParameter("centerId")
            let week = try await request.decodeJSON(as: Items<OpeningHours>.self, context: context)
            let hours = try await calendar.setOpeningHours(week.items, of: id, as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: hours))
        }
        router.get("centers/:centerId/closures") { _, context in
            let closures = try await calendar.closures(
                of: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: closures))
        }
        router.post("centers/:centerId/closures") { request, context in
            let id = try context.uuidParameter("centerId")
            let closure = try await calendar.addClosure(
                try await request.decodeJSON(as: Closure.self, context: context), to: id,
                as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: closure)
        }
        router.delete("centers/:centerId/closures/:closureId") { _, context -> HTTPResponse.Status in
            try await calendar.removeClosure(
                try context.uuidParameter("closureId"), of: try context.uuidParameter("centerId"),
                as: try context.requirePrincipal())
            return .noContent
        }
        router.get("calendar-days/:year") { _, context in
            let days = try await calendar.calendarDays(
                year: try context.yearParameter(), as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: days))
        }
        router.put("calendar-days/:year") { request, context in
            let year = try context.yearParameter()
            let days = try await request.decodeJSON(as: Items<CalendarDay>.self, context: context)
            let stored = try await calendar.setCalendarDays(days.items, year: year, as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: stored))
        }
        router.post("calendar-days/import") { request, context in
            let csv = try await request.holidayCSV(context: context)
            let result = try await calendar.importDays(
                csv, dryRun: request.queryString("dryRun") == "true", as: try context.requirePrincipal())
            return JSONResponse(value: result)
        }
    }
}

extension Request {
    /// The CSV body of a calendar import, read with the `year` and `makeupWeekday` query parameters.
    func holidayCSV(context: some RequestContext) async throws -> HolidayCSV {
        let year = try queryString("year").map { text in
            guard text.count == 4, let year = Int(text) else {
                throw ProblemDetails.validation(
                    field: "year", rule: "format", detail: "The year ('\(text)') is four digits.")
            }
            return year
        }
        let rule = try queryString("makeupWeekday").map { text in
            guard let rule = MakeupRule(text: text) else {
                throw ProblemDetails.validation(
                    field: "makeupWeekday", rule: "enum",
                    detail: "makeupWeekday ('\(text)') is same-as-holiday or a weekday 1 (Monday) to 7 (Sunday).")
            }
            return rule
        }
        let body = try await body.collect(upTo: context.maxUploadSize)
        guard let text = String(validating: body.readableBytesView, as: UTF8.self) else {
            throw ProblemDetails.malformedBody("The CSV is not UTF-8 text.")
        }
        return HolidayCSV(text: text, year: year, makeupRule: rule)
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
