import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Planning
import Service

extension PlannerPages {
    /// `GET /ui/plans/{id}/timetable?week=…&rows=resources|instructors|classes`: the proposal as a
    /// week's timetable with the diff against the published timetable marked, one week of the
    /// horizon at a time (links to the others).
    func timetablePage(_ request: Request, _ context: some PageContext) async throws -> Response {
        let (center, plan) = try await plan(context)
        let reader = try context.reader()
        let frame = PageFrame(request, context: context)
        let dates = DateText(language: frame.language, timeZone: center.zone)
        let text = { (key: String) in renderer.strings.text(key, frame.language) }
        let query = Form(encoded: request.uri.query ?? "")
        let rows = query["rows"].flatMap(ProposalTimetable.Rows.init(rawValue:)) ?? .resources
        let first = plan.horizon.from.monday
        let weeks = stride(from: 0, through: plan.horizon.to.daysSinceEpoch - first.daysSinceEpoch, by: 7).map {
            first.adding(days: $0)
        }
        let chosen = query["week"].flatMap { CalendarDate(iso: $0) }.map(\.monday)
        let week = chosen.flatMap { weeks.contains($0) ? $0 : nil } ?? first
        let id = plan.id.uuidString.lowercased()
        let path = "/ui/plans/\(id)/timetable"
        var values: [String: Any] = [
            "id": id, "centerName": center.name, "week": dates.day(week),
            "days": (0..<7).map { dates.shortDay(dates.midnight(week.adding(days: $0))) },
            "weeks": weeks.map { monday -> [String: Any] in
                [
                    "href": "\(path)?week=\(monday)&rows=\(rows.rawValue)", "text": dates.day(monday),
                    "current": monday == week,
                ]
            },
            "views": ProposalTimetable.Rows.allCases.map { view -> [String: Any] in
                [
                    "href": "\(path)?week=\(week)&rows=\(view.rawValue)",
                    "text": text("timetable_rows_\(view.rawValue)"),
                    "current": view == rows,
                ]
            },
        ]
        if let result = plan.result {
            let names = try await rowNames(rows, center: center, result: result, reader: reader)
            let table = ProposalTimetable(result: result, dates: dates, text: text).rows(
                week: week, by: rows, names: names)
            values["rows"] = table
            values["hasRows"] = !table.isEmpty
            values["hasResult"] = true
        }
        return renderer.page("plantimetable", frame, values)
    }

    /// The names of the rows: the center's resources or instructors, or the classes of the
    /// organizations the proposal places sessions of.
    private func rowNames(
        _ rows: ProposalTimetable.Rows, center: Center, result: PlanResult, reader: Principal
    ) async throws -> [UUID: String] {
        let page = try Page(limit: 500)
        switch rows {
        case .resources:
            return Dictionary(
                try await services.centers.resources(of: center.id, page: page, as: reader).map { ($0.id, $0.name) },
                uniquingKeysWith: { a, _ in a })
        case .instructors:
            return Dictionary(
                try await services.organizations.instructors(of: center.id, page: page, as: reader).map {
                    ($0.id, $0.name)
                }, uniquingKeysWith: { a, _ in a })
        case .classes:
            var names: [UUID: String] = [:]
            for organization in Set(result.assignments.filter { !$0.cohortIds.isEmpty }.map(\.organizationId)) {
                for cohort in try await services.organizations.cohorts(of: organization, page: page, as: reader) {
                    names[cohort.id] = cohort.name
                }
            }
            return names
        }
    }
}
