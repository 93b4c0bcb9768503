import Dates
import Domain
import Foundation

/// The timeline's toolbar: what is shown (its dates in the reader's language), previous / today /
/// next, the day / week / month switch, the rows switch and the filters, each link keeping the rest.
struct TimelineNavigation {
    let view: TimelineView
    let first: CalendarDate
    let length: Int
    let rows: Timeline.Rows
    let filter: TimelineFilter
    let dates: DateText
    let strings: Strings
    let today: CalendarDate

    /// The template's values; `resources` (unfiltered) offer the workshops to filter by.
    func values(resources: [Resource], tags: TagPicker) -> [String: Any] {
        let last = first.adding(days: length - 1)
        let label =
            switch view {
            case .day: dates.day(first)
            case .week, .list: "\(dates.day(first)) – \(dates.day(last))"
            case .month: dates.month(first)
            }
        func option(_ value: String, _ label: String, _ chosen: String) -> [String: Any] {
            ["value": value, "label": label, "chosen": value == chosen]
        }
        return [
            "rangeLabel": label, "view": view.rawValue, "day": first.description,
            "previous": href(view, view.step(-1, from: first)), "next": href(view, view.step(1, from: first)),
            "todayHref": href(view, today), "showsToday": (first...last).contains(today),
            "views": rows == .resources
                ? TimelineView.allCases.map { other -> [String: Any] in
                    [
                        "href": href(other, first), "text": text("timeline_view_\(other.rawValue)"),
                        "current": other == view,
                    ]
                } : [],
            "rowsResources": rows == .resources,
            "byResource": "/ui/timeline?day=\(first)\(filter.query)",
            "byInstructor": "/ui/timeline?rows=instructors&day=\(first)\(filter.query)",
            "kinds": ResourceKind.allCases.map { option($0.rawValue, text("kind_\($0.rawValue)"), filter.kind) },
            "capabilities": tags.options(chosen: [filter.capability]),
            "workshops": resources.filter { resource in resources.contains { $0.parentId == resource.id } }.map {
                option($0.id.uuidString.lowercased(), $0.name, filter.workshop.lowercased())
            },
            "filtered": filter != TimelineFilter(),
        ]
    }

    /// The page showing `view` around `day`, with the same rows and filters.
    private func href(_ view: TimelineView, _ day: CalendarDate) -> String {
        "/ui/timeline?view=\(view.rawValue)&day=\(day)\(rows == .instructors ? "&rows=instructors" : "")\(filter.query)"
    }

    private func text(_ key: String) -> String { strings.text(key, dates.language) }
}
