public import Dates
public import Foundation

/// Weekly opening hours of a center: local spans (`"HH:MM"` in JSON) per ISO weekday.
public struct OpeningHours: Sendable, Equatable, Codable {
    public var weekday: Int
    public var opens: ClockTime
    public var closes: ClockTime

    public init(weekday: Int, opens: ClockTime, closes: ClockTime) {
        self.weekday = weekday
        self.opens = opens
        self.closes = closes
    }

    /// Checks a whole week: valid weekdays, each span opening before it closes, and no two spans
    /// of one weekday overlapping.
    public static func validate(_ week: [OpeningHours]) throws(DomainError) {
        var spans: [Int: [(ClockTime, ClockTime, Int)]] = [:]
        for (index, hours) in week.enumerated() {
            _ = try Validate.range(hours.weekday, 1...7, field: "items/\(index)/weekday")
            let (opens, closes) = (hours.opens, hours.closes)
            guard opens < closes else {
                throw DomainError(
                    field: "items/\(index)/closes", rule: "afterOpens", message: "A span must close after it opens.")
            }
            if spans[hours.weekday, default: []].contains(where: { $0.0 < closes && opens < $0.1 }) {
                throw DomainError(
                    field: "items/\(index)", rule: "overlap", message: "Two spans of weekday \(hours.weekday) overlap.")
            }
            spans[hours.weekday, default: []].append((opens, closes, index))
        }
    }
}

/// Days a center is closed (a fire drill, a renovation), `from` to `to` inclusive.
public struct Closure: Sendable, Equatable, Codable {
    /// Given by the center when the closure is stored (to delete it by); ignored on input.
    public var id: UUID?
    public var from: CalendarDate
    public var to: CalendarDate
    public var reason: String

    public init(id: UUID? = nil, from: CalendarDate, to: CalendarDate, reason: String) {
        self.id = id
        self.from = from
        self.to = to
        self.reason = reason
    }

    /// Checks the dates (`to` not before `from`) and the reason; returns the trimmed reason.
    public func validated() throws(DomainError) -> String {
        try Validate.window(from, to, fields: ("from", "to"))
        return try Validate.name(reason, field: "reason")
    }
}

/// A dated exception to the national working week: a public holiday, or a make-up working day
/// (调休) that runs another weekday's timetable.
public struct CalendarDay: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        case publicHoliday = "public_holiday"
        case makeupWorkday = "makeup_workday"
    }

    public var date: CalendarDate
    public var kind: Kind
    public var name: String
    /// For a make-up working day: the ISO weekday whose timetable it follows.
    public var followsWeekday: Int?

    public init(date: CalendarDate, kind: Kind, name: String, followsWeekday: Int? = nil) {
        self.date = date
        self.kind = kind
        self.name = name
        self.followsWeekday = followsWeekday
    }

    /// Checks a year's list: every date in `year`, no date twice, a weekday exactly for make-up days.
    public static func validate(_ days: [CalendarDay], year: Int) throws(DomainError) {
        var seen: Set<CalendarDate> = []
        for (index, day) in days.enumerated() {
            guard day.date.year == year else {
                throw DomainError(
                    field: "items/\(index)/date", rule: "year", message: "The date \(day.date) is not in \(year).")
            }
            guard seen.insert(day.date).inserted else {
                throw DomainError(
                    field: "items/\(index)/date", rule: "unique", message: "The date \(day.date) is listed twice.")
            }
            _ = try Validate.name(day.name, field: "items/\(index)/name")
            switch (day.kind, day.followsWeekday) {
            case (.makeupWorkday, let weekday?):
                _ = try Validate.range(weekday, 1...7, field: "items/\(index)/followsWeekday")
            case (.makeupWorkday, nil):
                throw DomainError(
                    field: "items/\(index)/followsWeekday", rule: "required",
                    message: "A make-up working day names the weekday whose timetable it runs.")
            case (.publicHoliday, _?):
                throw DomainError(
                    field: "items/\(index)/followsWeekday", rule: "holidayOnly",
                    message: "A public holiday follows no weekday's timetable.")
            case (.publicHoliday, nil): break
            }
        }
    }
}
