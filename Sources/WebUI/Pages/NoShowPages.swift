import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /ui/no-shows`: the manager's view of absences, late arrivals and sessions that did not take
/// place, per organization, over the four weeks up to today (or `?from=&to=` dates).
struct NoShowPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("no-shows") { request, context in
            let principal = try context.reader()
            let center = try await services.managedCenter(for: principal)
            let frame = PageFrame(request, context: context)
            let dates = DateText(language: frame.language, timeZone: center.zone)
            let query = Form(encoded: request.uri.query ?? "")
            let to = query["to"].flatMap(CalendarDate.init(iso:)) ?? center.today().adding(days: 1)
            let from = query["from"].flatMap(CalendarDate.init(iso:)) ?? to.adding(days: -28)
            let rows = try await services.attendance.noShows(
                at: center.id, from: dates.midnight(from), to: dates.midnight(to), as: principal)
            return renderer.page(
                "noshows", frame,
                [
                    "from": from.description, "to": to.description,
                    "rows": rows.map {
                        [
                            "name": $0.organizationName, "marks": $0.marks, "absent": $0.absent, "late": $0.late,
                            "notHeld": $0.sessionsNotHeld,
                            "rate": $0.marks == 0
                                ? "–" : String(format: "%.0f%%", Double($0.absent) * 100 / Double($0.marks)),
                        ]
                    },
                ])
        }
    }
}
