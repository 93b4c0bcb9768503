public import Dates
public import Foundation

/// A booking's time given in bell periods: "2026-03-10, periods 3–4" (`{date, fromPeriod, toPeriod}`).
public struct BookedPeriods: Sendable, Equatable, Codable {
    public var date: CalendarDate
    public var fromPeriod: Int
    /// The last period; the first when not given (a single period).
    public var toPeriod: Int

    public init(date: CalendarDate, fromPeriod: Int, toPeriod: Int) {
        self.date = date
        self.fromPeriod = fromPeriod
        self.toPeriod = toPeriod
    }

    /// The instants the periods start and end on their date: the first period's start to the last
    /// one's end, breaks inside included.
    /// - Parameters:
    ///   - schedule: the center's periods
    ///   - weekday: the ISO weekday whose periods run on the date (a 调休 make-up day runs another's)
    ///   - timeZone: the center's, in which periods are local times
    /// - Throws: ``DomainError`` naming `fromPeriod` or `toPeriod`, rule `periods`, when they do not
    ///   exist that day or the last comes before the first.
    public func interval(
        in schedule: PeriodSchedule, weekday: Int, timeZone: TimeZone
    ) throws(DomainError) -> (start: Date, end: Date) {
        let numbers = Set(schedule.periods(weekday: weekday).map(\.number))
        for (field, number) in [("fromPeriod", fromPeriod), ("toPeriod", toPeriod)] where !numbers.contains(number) {
            throw DomainError(
                field: field, rule: "periods",
                message: numbers.isEmpty
                    ? "The center has no bell periods on \(date) (weekday \(weekday)); give start and end instead."
                    : "The center has no period \(number) on \(date) (weekday \(weekday)); it has periods \(numbers.sorted().map(String.init).joined(separator: ", "))."
            )
        }
        guard let block = schedule.block(weekday: weekday, from: fromPeriod, to: toPeriod) else {
            throw DomainError(
                field: "toPeriod", rule: "periods",
                message: "Period \(toPeriod) comes before period \(fromPeriod); book from the earlier to the later.")
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let instant = { (minutes: Int) in
            calendar.date(
                from: DateComponents(
                    year: date.year, month: date.month, day: date.day, hour: minutes / 60, minute: minutes % 60))!
        }
        return (instant(block.lowerBound), instant(block.upperBound))
    }
}
