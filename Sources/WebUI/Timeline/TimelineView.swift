import Dates

/// How much of the calendar the timeline shows: a day or a week of hour tracks, a month of days
/// (each cell a resource's occupancy that day), or a week's bookings as a list to act on.
enum TimelineView: String, CaseIterable {
    case day, week, month, list

    /// The first day shown for a view that includes `anchor`.
    func first(around anchor: CalendarDate) -> CalendarDate {
        switch self {
        case .day: anchor
        case .week, .list: anchor.monday
        case .month: CalendarDate(year: anchor.year, month: anchor.month, day: 1)!
        }
    }

    /// How many days the view starting on `first` shows.
    func length(from first: CalendarDate) -> Int {
        switch self {
        case .day: return 1
        case .week, .list: return 7
        case .month:  // the month's last day: a day of the next month, less its day number
            let later = first.adding(days: 31)
            return later.adding(days: -later.day).day
        }
    }

    /// The first day of the view before (`-1`) or after (`1`) the one starting on `first`.
    func step(_ direction: Int, from first: CalendarDate) -> CalendarDate {
        switch self {
        case .day: first.adding(days: direction)
        case .week, .list: first.adding(days: 7 * direction)
        case .month:
            direction < 0 ? self.first(around: first.adding(days: -1)) : first.adding(days: length(from: first))
        }
    }
}
