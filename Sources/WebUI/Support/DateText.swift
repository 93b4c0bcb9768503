import Dates
import Domain
import Foundation

/// Dates and times in the center's time zone, written the reader's way:
/// `2026年3月2日 周一` / `Mon, 2 Mar 2026`, `08:00`. Made once per page: its formatters and
/// calendar are built here, not on every call, and the spans it wrote are kept (a timeline writes
/// thousands of spans, most of them the same few times of day).
final class DateText {
    let language: Language
    private let calendar: Calendar
    private let dayFormat: DateFormatter
    private let shortDayFormat: DateFormatter
    private let timeFormat: DateFormatter
    private let weekdayFormat: DateFormatter
    private let monthFormat: DateFormatter
    private struct Span: Hashable { let start, end: Date }
    private var spans: [Span: String] = [:]

    init(language: Language, timeZone: TimeZone) {
        func formatter(_ template: String) -> DateFormatter {
            let formatter = DateFormatter()
            formatter.locale = language.locale
            formatter.timeZone = timeZone
            formatter.setLocalizedDateFormatFromTemplate(template)
            return formatter
        }
        self.language = language
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
        (dayFormat, shortDayFormat, timeFormat) = (formatter("yMMMdEEE"), formatter("MMMdEEE"), formatter("HHmm"))
        (weekdayFormat, monthFormat) = (formatter("EEE"), formatter("yMMMM"))
    }

    /// A day with its weekday and year.
    func day(_ date: Date) -> String { dayFormat.string(from: date) }

    /// A day with its weekday, without the year.
    func shortDay(_ date: Date) -> String { shortDayFormat.string(from: date) }

    /// A weekday alone: `周四` / `Thu`.
    func weekday(_ date: CalendarDate) -> String { weekdayFormat.string(from: midnight(date)) }

    /// A month and its year: `2026年12月` / `December 2026`.
    func month(_ date: CalendarDate) -> String { monthFormat.string(from: midnight(date)) }

    /// A 24-hour clock time.
    func time(_ date: Date) -> String { timeFormat.string(from: date) }

    /// A span: `2026年3月2日 周一 08:00–11:00` (the end's day added when it differs).
    func span(_ start: Date, _ end: Date) -> String {
        let key = Span(start: start, end: end)
        if let written = spans[key] { return written }
        let sameDay = calendar.isDate(start, inSameDayAs: end.addingTimeInterval(-1))
        let written = "\(day(start)) \(time(start))–" + (sameDay ? time(end) : "\(day(end)) \(time(end))")
        spans[key] = written
        return written
    }

    /// A calendar date at local midnight.
    func day(_ date: CalendarDate) -> String { day(midnight(date)) }

    /// The instant a local date begins.
    func midnight(_ date: CalendarDate) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }

    /// The instant of a local date and time.
    func instant(_ date: CalendarDate, _ time: ClockTime) -> Date {
        midnight(date).addingTimeInterval(Double(time.minutes * 60))
    }

    /// The local date of an instant.
    func date(of instant: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
