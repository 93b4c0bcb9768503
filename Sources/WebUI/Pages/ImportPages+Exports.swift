import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

extension ImportPages {
    /// `/ui/exports/KIND.csv` or `.xlsx`: the reader's exports at their center, linked from the
    /// import page, the timeline (a week's bookings and attendance: `week=YYYY-MM-DD`), a
    /// resource's page (its coming eight weeks), a session (its roster) and a course's roster.
    func export(_ request: Request, _ context: some PageContext) async throws -> Response {
        let principal = try context.reader()
        let center = try await services.center(for: principal)
        guard let asked = ExportFormat.split(context.parameters.get("file") ?? "") else { throw PageError.notFound }
        let kind = asked.kind
        let id = { (name: String) throws -> UUID in
            guard let id = request.uri.queryParameters[Substring(name)].flatMap({ UUID(uuidString: String($0)) })
            else { throw PageError.notFound }
            return id
        }
        let exports = services.exports
        let file: CSVFile
        switch kind {
        case "resources": file = try await exports.resources(of: center.id, as: principal)
        case "instructors": file = try await exports.instructors(of: center.id, as: principal)
        case "requests": file = try await exports.requests(in: center.id, state: nil, as: principal)
        case "classes": file = try await exports.classes(of: principal.organizationId, as: principal)
        case "timetable":
            let now = Date()
            file = try await exports.timetable(
                of: .resource(try id("resource")), from: now, to: now.addingTimeInterval(56 * 86_400), at: center.id,
                as: principal)
        case "bookings", "attendance":
            let week = request.uri.queryParameters["week"].flatMap { CalendarDate(iso: String($0)) }
            let dates = DateText(language: .en, timeZone: center.zone)
            let from = dates.midnight(week ?? dates.date(of: Date()))
            let to = from.addingTimeInterval(7 * 86_400)
            file =
                kind == "bookings"
                ? try await exports.bookings(
                    in: center.id, from: from, to: to, filter: ExportService.BookingFilter(), as: principal)
                : try await exports.attendance(in: center.id, from: from, to: to, as: principal)
        case "roster": file = try await exports.roster(of: try id("session"), as: principal)
        case "participants": file = try await exports.participants(of: try id("request"), as: principal)
        default: throw PageError.notFound
        }
        return try SpreadsheetResponse(file: file, kind: kind, format: asked.format).response(
            from: request, context: context)
    }
}
