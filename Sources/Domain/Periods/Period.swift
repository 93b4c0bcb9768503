public import Dates

/// A named span of a center's day (节次): 第3节 09:55–10:40. Periods are numbered in the order of
/// the day; people book "periods 3–4" and the planner places period-based sessions on them.
public struct Period: Sendable, Equatable, Codable {
    /// The period's number in its day (1 = the first), rising with its start.
    public var number: Int
    /// What people call it: `第3节`, `Period 3`, `晚1`.
    public var label: String
    public var start: ClockTime
    public var end: ClockTime

    public init(number: Int, label: String, start: ClockTime, end: ClockTime) {
        self.number = number
        self.label = label
        self.start = start
        self.end = end
    }

    /// The period's minutes after local midnight.
    public var minutes: Range<Int> { start.minutes..<end.minutes }
}

/// The periods of a group of weekdays (Monday to Friday; Saturday and Sunday).
public struct PeriodSet: Sendable, Equatable, Codable {
    /// ISO weekdays (1 = Monday) that follow these periods; a 调休 make-up day follows the periods
    /// of the weekday whose timetable it runs.
    public var weekdays: [Int]
    /// The periods, earliest first.
    public var periods: [Period]

    public init(weekdays: [Int], periods: [Period]) {
        self.weekdays = weekdays
        self.periods = periods
    }
}
