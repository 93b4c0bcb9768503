import Dates
import Foundation

/// Dates and times in the center's time zone, written the reader's way:
/// `2026年3月2日 周一` / `Mon, 2 Mar 2026`, `08:00`.
struct DateText: Sendable {
    let language: Language
    let timeZone: TimeZone

    private func formatter(_ template: String) -> DateFormatter {
        let formatter = DateFormatter()
        formatter.locale = language.locale
        formatter.timeZone = timeZone
        formatter.setLocalizedDateFormatFromTemplate(template)
        return formatter
    }

    /// A day with its weekday and year.
    func day(_ date: Date) -> String { formatter("yMMMdEEE").string(from: date) }

    /// A day with its weekday, without the year.
    func shortDay(_ date: Date) -> String { formatter("MMMdEEE").string(from: date) }

    /// A 24-hour clock time.
    func time(_ date: Date) -> String { formatter("HHmm").string(from: date) }

    /// A span: `2026年3月2日 周一 08:00–11:00` (the end's day added when it differs).
    func span(_ start: Date, _ end: Date) -> String {
        let sameDay = calendar.isDate(start, inSameDayAs: end.addingTimeInterval(-1))
        return "\(day(start)) \(time(start))–" + (sameDay ? time(end) : "\(day(end)) \(time(end))")
    }

    /// A calendar date at local midnight.
    func day(_ date: CalendarDate) -> String { day(midnight(date)) }

    /// The instant a local date begins.
    func midnight(_ date: CalendarDate) -> Date {
        calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))!
    }

    /// The instant of a local date and `HH:MM` time; `nil` when the time is not one.
    func instant(_ date: CalendarDate, _ clock: String) -> Date? {
        let parts = clock.split(separator: ":")
        guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0...24).contains(hour), (0..<60).contains(minute)
        else { return nil }
        return midnight(date).addingTimeInterval(Double(hour * 3600 + minute * 60))
    }

    /// The local date of an instant.
    func date(of instant: Date) -> CalendarDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }

    /// Minutes after local midnight of an instant.
    func minutes(of instant: Date) -> Int {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return parts.hour! * 60 + parts.minute!
    }

    private var calendar: Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        return calendar
    }
}
