import Dates
import Domain
import Foundation

/// A proposal as a week's timetable: one row per resource, instructor or class, one column per
/// day, each session in its cell marked against the published timetable (added, moved here,
/// unchanged) and each session moved away shown struck through where it was.
struct ProposalTimetable {
    /// What the rows are.
    enum Rows: String, CaseIterable {
        case resources, instructors, classes
    }

    let result: PlanResult
    let dates: DateText
    /// The text of a page key in the reader's language.
    let text: (String) -> String

    /// The rows of `week` (its Monday) by `rows`, named by `names` and ordered by name; rows
    /// without a session that week are left out.
    func rows(week monday: CalendarDate, by rows: Rows, names: [UUID: String]) -> [[String: Any]] {
        let days = (0..<7).map { monday.adding(days: $0) }
        let added = Set(result.diff.added)
        let moved = Set(result.diff.moved.map { SessionKey(requestId: $0.requestId, session: $0.session) })
        var cells: [UUID: [CalendarDate: [(Date, [String: Any])]]] = [:]
        func put(_ ids: [UUID], _ start: Date, _ entry: [String: Any]) {
            let day = dates.date(of: start)
            guard days.contains(day) else { return }
            for id in ids { cells[id, default: [:]][day, default: []].append((start, entry)) }
        }
        for assignment in result.assignments {
            let kind = added.contains(assignment.key) ? "added" : moved.contains(assignment.key) ? "moved" : "unchanged"
            put(
                ids(of: assignment, rows), assignment.start,
                entry(assignment.title, assignment.start, assignment.end, kind: kind))
        }
        let titles = Dictionary(result.assignments.map { ($0.key, $0.title) }, uniquingKeysWith: { a, _ in a })
        for move in result.diff.moved {
            let from = move.from
            let ids: [UUID] =
                switch rows {
                case .resources: [from.resourceId]
                case .instructors: from.instructorId.map { [$0] } ?? []
                case .classes: []
                }
            let title = titles[SessionKey(requestId: move.requestId, session: move.session)] ?? ""
            put(ids, from.start, entry(title, from.start, from.end, kind: "moved-away"))
        }
        return cells.map { id, byDay -> (String, [String: Any]) in
            let name = names[id] ?? "–"
            return (
                name,
                [
                    "name": name,
                    "days": days.map { day in
                        ["sessions": (byDay[day] ?? []).sorted { $0.0 < $1.0 }.map { $0.1 }]
                    },
                ]
            )
        }.sorted { $0.0 < $1.0 }.map { $0.1 }
    }

    /// The row ids a proposed session belongs to.
    private func ids(of assignment: ProposedAssignment, _ rows: Rows) -> [UUID] {
        switch rows {
        case .resources: [assignment.resourceId]
        case .instructors: [assignment.instructorId, assignment.secondInstructorId].compactMap { $0 }
        case .classes: assignment.cohortIds
        }
    }

    private func entry(_ title: String, _ start: Date, _ end: Date, kind: String) -> [String: Any] {
        [
            "title": SessionTitle.text(title, in: dates.language), "time": "\(dates.time(start))–\(dates.time(end))",
            "kind": kind,
            "mark": text("diff_\(kind == "moved-away" ? "movedAway" : kind)"),
        ]
    }
}
