import Dates
public import Foundation

extension TermCalendar {
    /// Checks a booking's time against the calendar: no day of it may be closed (a closure or a
    /// public holiday; a pilot run's may, when `pilotThroughClosures`); a pilot run may span whole
    /// days, any other booking lies inside one opening span of one day (when weekly hours are set).
    /// - Parameters:
    ///   - timeZone: the center's, in which dates and opening hours are local.
    ///   - pilotThroughClosures: the center's policy lets pilot runs go on through closed days.
    public func check(
        start: Date, end: Date, category: Category, timeZone: TimeZone, pilotThroughClosures: Bool = false
    ) throws(DomainError) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let first = Self.localDay(of: start, in: calendar)
        let last = Self.localDay(of: end.addingTimeInterval(-1), in: calendar)
        var day = first.date
        while day <= last.date, !(category == .pilotProduction && pilotThroughClosures) {
            if let reason = closedReason(on: day) {
                throw DomainError(
                    field: "start", rule: "centerClosed", message: "The center is closed on \(day) (\(reason)).")
            }
            day = day.adding(days: 1)
        }
        guard category != .pilotProduction, hasWeeklyHours else { return }
        // `end` less a second lies in the booking's last minute, on its last day
        guard first.date == last.date, isOpen(on: first.date, minutes: first.minutes..<(last.minutes + 1)) else {
            let hours = openSpans(on: first.date).map { "\(Self.clock($0.lowerBound))–\(Self.clock($0.upperBound))" }
            throw DomainError(
                field: "start", rule: "openingHours",
                message: hours.isEmpty
                    ? "The center does not open on \(first.date)."
                    : "The booking must lie inside the opening hours of \(first.date): \(hours.joined(separator: ", "))."
            )
        }
    }

    /// The local date of an instant and its minute of the day.
    static func localDay(of instant: Date, in calendar: Calendar) -> (date: CalendarDate, minutes: Int) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return (
            CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!, parts.hour! * 60 + parts.minute!
        )
    }

    private static func clock(_ minutes: Int) -> String {
        let (hour, minute) = (minutes / 60, minutes % 60)
        return (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
    }
}
