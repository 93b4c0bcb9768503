import Dates
import Domain

extension ImportRow {
    /// What a yes/no cell (`submit`) says yes with.
    private static let yes: Set<String> = ["yes", "y", "true", "1", "是", "提交"]

    /// Whether the cell of `key` says yes (`yes`, `是` …); empty or anything else is no.
    func says(_ key: String) -> Bool { Self.yes.contains(self[key].lowercased()) }

    /// A required date like `2026-03-02`.
    /// - Throws: ``ImportRowFailure`` rule `required` or `date`.
    func date(_ key: String) throws(ImportRowFailure) -> CalendarDate {
        let text = try required(key)
        guard let date = CalendarDate(iso: text) else {
            throw ImportRowFailure(column: key, rule: "date", message: "'\(text)' is not a date like 2026-03-02.")
        }
        return date
    }

    /// Weekdays: ISO numbers (1 = Monday) or names (`Mon`, `周一`), as a list cell.
    /// - Throws: ``ImportRowFailure`` rule `weekday` quoting the item it cannot read.
    func weekdays(_ key: String) throws(ImportRowFailure) -> [Int] {
        var days: [Int] = []
        for item in list(key) {
            let day =
                Int(item)
                ?? (1...7).first {
                    WeekdayName.english($0).lowercased() == item.lowercased() || WeekdayName.chinese($0) == item
                }
            guard let day else {
                throw ImportRowFailure(
                    column: key, rule: "weekday", message: "'\(item)' is not a weekday like 1, Mon or 周一.")
            }
            days.append(day)
        }
        return days
    }
}
