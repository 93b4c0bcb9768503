import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/me`: an instructor's own timetable, for a week (`?week=`) or the term ahead (`?view=term`).
struct InstructorPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    /// How far ahead the term view reads.
    static let termWeeks = 20

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("me") { request, context in
            let principal = try context.reader()
            guard let instructorId = principal.instructorIds.min(by: { $0.uuidString < $1.uuidString }) else {
                throw PageError.forbidden
            }
            let center = try await services.center(for: principal)
            let frame = PageFrame(request, context: context)
            let dates = DateText(language: frame.language, timeZone: center.zone)
            let query = Form(encoded: request.uri.query ?? "")
            let term = query["view"] == "term"
            let monday = (query["week"].flatMap(CalendarDate.init(iso:)) ?? center.today()).monday
            let last = monday.adding(days: 7 * (term ? Self.termWeeks : 1))
            let entries = try await services.timetables.timetable(
                of: .instructor(instructorId), from: dates.midnight(monday), to: dates.midnight(last),
                page: Page(limit: 500), as: principal)
            let rows = EntryRows(dates: dates, strings: renderer.strings).rows(entries)
            return renderer.page(
                "me", frame,
                [
                    "entries": rows, "term": term, "week": monday.description,
                    "previous": monday.adding(days: -7).description,
                    "next": monday.adding(days: 7).description,
                    "range": "\(dates.day(monday)) – \(dates.day(last.adding(days: -1)))",
                    "centerName": center.name,
                ])
        }
    }
}
