import Domain
import Foundation

/// Timetable entries as rows of a list, as `TimetableService` showed them to the reader's
/// audience: another organization's session reads "occupied", with its time and resources only.
struct EntryRows {
    let dates: DateText
    let strings: Strings

    func rows(_ entries: [TimetableEntry]) -> [[String: Any]] {
        entries.sorted { $0.start < $1.start }.map { shown in
            var row: [String: Any] = [
                "day": dates.day(shown.start), "time": "\(dates.time(shown.start))–\(dates.time(shown.end))",
                "resources": shown.resources.map(\.name).joined(separator: "、"), "occupied": shown.occupied,
                "what": shown.title.map { SessionTitle.text($0, in: dates.language) }
                    ?? strings.text("timeline_occupied", dates.language),
            ]
            if let category = shown.category {
                row["category"] = strings.text("category_\(category.rawValue)", dates.language)
                row["categoryKey"] = category.rawValue
            }
            if let instructor = shown.instructor {
                row["instructor"] = ([instructor] + [shown.secondInstructor].compactMap { $0 }).map(\.name)
                    .joined(separator: "、")
            }
            if let group = shown.group, let title = shown.title {
                row["what"] = "\(SessionTitle.text(title, in: dates.language)) · \(groupText(group))"
            }
            if let span = shown.periods {
                row["periods"] = PeriodText.text(span, strings: strings, language: dates.language)
            }
            if !shown.occupied, let id = shown.bookingId {
                row["session"] = "/ui/sessions/\(id.uuidString.lowercased())"
            }
            return row
        }
    }

    /// "第1组（共2组）" / "group 1 of 2".
    func groupText(_ group: SessionGroup) -> String {
        strings.text("groups_group", dates.language).replacingOccurrences(of: "{number}", with: "\(group.number)")
            .replacingOccurrences(of: "{count}", with: "\(group.count)")
    }
}
