public import Dates

extension ClassAvailability {
    private static let weekdayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Free times for a person, e.g. `Tue 08:00–11:30 and Thu 13:30–17:00`; `nothing` when none.
    public static func describe(_ times: [FreeTime]) -> String {
        let sorted = times.sorted { ($0.weekday, $0.from) < ($1.weekday, $1.from) }
        guard !sorted.isEmpty else { return "nothing" }
        let parts = sorted.map { "\(weekdayNames[($0.weekday - 1) % 7]) \($0.from)–\($0.to)" }
        return parts.count == 1 ? parts[0] : parts.dropLast().joined(separator: ", ") + " and " + parts.last!
    }

    /// When the class is free in the week of `monday`, for a person: `free on Tue 08:00–11:30 only`,
    /// `free on … only in the week of 2026-06-29 (考试周)`, `not free in the week of …`; `nil` when free any time.
    public func sentence(weekOf monday: CalendarDate) -> String? {
        if let week = weeks.first(where: { $0.weekOf == monday }) {
            let note = week.note.isEmpty ? "" : " (\(week.note))"
            return week.freeTimes.isEmpty
                ? "is not free in the week of \(monday)\(note)"
                : "is free on \(Self.describe(week.freeTimes)) only in the week of \(monday)\(note)"
        }
        return freeAnyTime ? nil : "is free on \(Self.describe(freeTimes)) only"
    }
}
