import Access
import Domain
import Foundation

/// Timetable entries as rows of a list, each as much as `Policy` lets the reader see: another
/// organization's session reads "occupied", with its time and resources only.
struct EntryRows {
    let policy: Policy
    let centerId: UUID
    let dates: DateText
    let strings: Strings

    func rows(_ entries: [TimetableEntry]) -> [[String: Any]] {
        entries.sorted { $0.start < $1.start }.map { entry in
            let shown = isVisible(entry) ? entry : Self.occupied(entry)
            var row: [String: Any] = [
                "day": dates.day(shown.start), "time": "\(dates.time(shown.start))–\(dates.time(shown.end))",
                "resources": shown.resources.map(\.name).joined(separator: "、"), "occupied": shown.occupied,
                "what": shown.title ?? strings.text("timeline_occupied", dates.language),
            ]
            if let category = shown.category {
                row["category"] = strings.text("category_\(category.rawValue)", dates.language)
                row["categoryKey"] = category.rawValue
            }
            if let instructor = shown.instructor { row["instructor"] = instructor.name }
            return row
        }
    }

    private func isVisible(_ entry: TimetableEntry) -> Bool {
        guard !entry.occupied, let category = entry.category, let organization = entry.organization else { return false }
        return policy.view(of: Work(centerId: centerId, organizationId: organization.id, category: category, instructorId: entry.instructor?.id)) == .full
    }

    /// The entry with everything but its time and resources withheld.
    static func occupied(_ entry: TimetableEntry) -> TimetableEntry {
        var hidden = entry
        hidden.occupied = true
        (hidden.bookingId, hidden.category, hidden.title, hidden.requestId) = (nil, nil, nil, nil)
        (hidden.organization, hidden.instructor, hidden.cohorts) = (nil, nil, nil)
        return hidden
    }
}
