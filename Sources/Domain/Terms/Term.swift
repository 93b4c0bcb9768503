public import Dates
public import Foundation

/// A school term at a center: its first day (a Monday), its numbered teaching weeks (教学周) and
/// the weeks off it names (考试周, 军训, 实习周). Teaching week N runs from `firstDay + 7(N-1)`
/// for seven days.
public struct Term: Sendable, Equatable, Codable {
    public var id: UUID
    public var centerId: UUID
    /// e.g. `2026春季学期`.
    public var name: String
    /// The Monday of teaching week 1 (`"YYYY-MM-DD"` in JSON).
    public var firstDay: CalendarDate
    /// How many teaching weeks the term has (1–30).
    public var weeks: Int
    public var weeksOff: [WeekOff]
    public var version: Int

    public init(
        id: UUID, centerId: UUID, name: String, firstDay: CalendarDate, weeks: Int, weeksOff: [WeekOff], version: Int
    ) {
        self.id = id
        self.centerId = centerId
        self.name = name
        self.firstDay = firstDay
        self.weeks = weeks
        self.weeksOff = weeksOff
        self.version = version
    }

    /// The last day of the term (the Sunday of its last week).
    public var lastDay: CalendarDate { firstDay.adding(days: 7 * weeks - 1) }

    /// The seven dates of teaching week `week` (1-based), Monday first.
    public func dates(ofWeek week: Int) -> [CalendarDate] {
        (0..<7).map { firstDay.adding(days: 7 * (week - 1) + $0) }
    }

    /// The teaching week `date` falls in, or `nil` outside the term.
    public func week(of date: CalendarDate) -> Int? {
        let days = date.daysSinceEpoch - firstDay.daysSinceEpoch
        guard days >= 0, days < 7 * weeks else { return nil }
        return days / 7 + 1
    }

    /// The name of week `week` when it is a week off.
    public func weekOff(_ week: Int) -> String? {
        weeksOff.first { $0.week == week }?.name
    }
}

/// A named week of a term without teaching (考试周, 军训, 实习周).
public struct WeekOff: Sendable, Equatable, Codable {
    /// The teaching week number, 1-based.
    public var week: Int
    public var name: String

    public init(week: Int, name: String) {
        self.week = week
        self.name = name
    }
}
