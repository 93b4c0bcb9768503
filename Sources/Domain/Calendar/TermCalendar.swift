public import Dates

/// A center's calendar as the planner and the booking checks read it: which weekday's timetable
/// runs on a date (none on a closure or public holiday, another weekday's on a 调休 make-up day)
/// and when the center is open that day.
public struct TermCalendar: Sendable {
    private let spansByWeekday: [Int: [Range<Int>]]
    private let closedRanges: [(days: ClosedRange<CalendarDate>, reason: String)]
    private let holidays: [CalendarDate: String]
    private let makeupWeekdays: [CalendarDate: Int]

    /// Builds the calendar from stored (already validated) rows; empty spans and reversed closures
    /// are ignored.
    public init(openingHours: [OpeningHours], closures: [Closure], days: [CalendarDay]) {
        var spans: [Int: [Range<Int>]] = [:]
        for hours in openingHours where hours.opens < hours.closes {
            spans[hours.weekday, default: []].append(hours.opens.minutes..<hours.closes.minutes)
        }
        spansByWeekday = spans.mapValues { $0.sorted { $0.lowerBound < $1.lowerBound } }
        closedRanges = closures.compactMap { closure in
            closure.from <= closure.to ? (closure.from...closure.to, closure.reason) : nil
        }
        holidays = Dictionary(
            days.compactMap { day in day.kind == .publicHoliday ? (day.date, day.name) : nil },
            uniquingKeysWith: { first, _ in first })
        makeupWeekdays = Dictionary(
            days.compactMap { day in
                guard day.kind == .makeupWorkday, let weekday = day.followsWeekday else { return nil }
                return (day.date, weekday)
            },
            uniquingKeysWith: { first, _ in first })
    }

    /// The ISO weekday whose timetable runs on `date`: its own, a make-up day's assigned one, or
    /// `nil` when the center is closed or it is a public holiday.
    public func timetableWeekday(on date: CalendarDate) -> Int? {
        closedReason(on: date) == nil ? makeupWeekdays[date] ?? date.isoWeekday : nil
    }

    /// Why the center is shut on `date` (the closure's reason or the holiday's name), or `nil`.
    public func closedReason(on date: CalendarDate) -> String? {
        holidays[date] ?? closedRanges.first { $0.days.contains(date) }?.reason
    }

    /// Whether any weekly opening hours are set; a center without them is open every day that is
    /// not closed.
    public var hasWeeklyHours: Bool { !spansByWeekday.isEmpty }

    /// The opening spans of `date` in minutes after local midnight, earliest first; empty when closed.
    public func openSpans(on date: CalendarDate) -> [Range<Int>] {
        guard let weekday = timetableWeekday(on: date) else { return [] }
        return spansByWeekday[weekday] ?? []
    }

    /// Whether `minutes` (after local midnight) of `date` lie inside one opening span.
    public func isOpen(on date: CalendarDate, minutes: Range<Int>) -> Bool {
        openSpans(on: date).contains { $0.lowerBound <= minutes.lowerBound && minutes.upperBound <= $0.upperBound }
    }

    /// The dates of a weekly series held on `weekday` for `weeks` weeks, the first week being the
    /// one containing `start` (dates before `start` left out). Closed days and public holidays are
    /// skipped; a make-up day that runs `weekday`'s timetable is added; days without opening hours
    /// are left out.
    public func weeklyDates(weekday: Int, from start: CalendarDate, weeks: Int) -> [CalendarDate] {
        let monday = start.monday
        let end = monday.adding(days: 7 * max(0, weeks))
        var dates: [CalendarDate] = []
        var date = start
        while date < end {
            if timetableWeekday(on: date) == weekday, !openSpans(on: date).isEmpty { dates.append(date) }
            date = date.adding(days: 1)
        }
        return dates
    }
}
