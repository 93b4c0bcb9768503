public import Dates

/// One teaching week of a term as people read it: its number, its dates, whether it is a week
/// off, and which of its days are holidays or closures.
public struct TeachingWeek: Sendable, Equatable, Codable {
    /// A day of the week on which the center is shut, and why (清明节, a closure's reason).
    public struct ClosedDay: Sendable, Equatable, Codable {
        public var date: CalendarDate
        public var reason: String

        public init(date: CalendarDate, reason: String) {
            self.date = date
            self.reason = reason
        }
    }

    public var week: Int
    /// Its Monday.
    public var from: CalendarDate
    /// Its Sunday.
    public var to: CalendarDate
    /// The name of the week off (考试周), `nil` for a teaching week.
    public var off: String?
    public var closedDays: [ClosedDay]

    public init(week: Int, from: CalendarDate, to: CalendarDate, off: String?, closedDays: [ClosedDay]) {
        self.week = week
        self.from = from
        self.to = to
        self.off = off
        self.closedDays = closedDays
    }
}

extension Term {
    /// The term's weeks, each with the days `calendar` closes.
    public func teachingWeeks(calendar: TermCalendar) -> [TeachingWeek] {
        (1...max(1, weeks)).map { week in
            let dates = self.dates(ofWeek: week)
            return TeachingWeek(
                week: week, from: dates[0], to: dates[6], off: weekOff(week),
                closedDays: dates.compactMap { date in
                    calendar.closedReason(on: date).map { TeachingWeek.ClosedDay(date: date, reason: $0) }
                })
        }
    }
}
