import Dates

/// Which weekday's timetable a make-up working day (调休) runs when the CSV does not say: the
/// notices leave it open, so the manager chooses.
public enum MakeupRule: Sendable, Equatable, CustomStringConvertible {
    /// The weekday of the nearest holiday (Monday–Friday) of the same name, the earlier one on a
    /// tie: the day whose lessons the make-up day pays back, as schools usually do.
    case sameAsHoliday
    /// Always this ISO weekday (1 = Monday).
    case weekday(Int)

    /// Reads `same-as-holiday` or a weekday `1`…`7`; `nil` otherwise.
    public init?(text: String) {
        if text == "same-as-holiday" {
            self = .sameAsHoliday
        } else if let weekday = Int(text), (1...7).contains(weekday) {
            self = .weekday(weekday)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .sameAsHoliday: "same-as-holiday"
        case .weekday(let weekday): String(weekday)
        }
    }

    /// The weekday a make-up day follows under this rule, among the `holidays` of its file.
    func weekday(for day: CalendarDay, holidays: [CalendarDay]) -> Int? {
        switch self {
        case .weekday(let weekday): return weekday
        case .sameAsHoliday:
            let paid = holidays.filter { $0.name == day.name && $0.date.isoWeekday <= 5 }
            let distance = { (holiday: CalendarDay) in abs(holiday.date.daysSinceEpoch - day.date.daysSinceEpoch) }
            return paid.min { (distance($0), $0.date) < (distance($1), $1.date) }?.date.isoWeekday
        }
    }
}
