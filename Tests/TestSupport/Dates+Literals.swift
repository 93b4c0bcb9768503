public import Dates

/// Tests write dates as literals, `"2026-10-14"`; a literal that is not a date traps.
extension CalendarDate: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self = CalendarDate(iso: text)! }
}

/// Tests write clock times as literals, `"08:00"`; a literal that is not a time traps.
extension ClockTime: ExpressibleByStringLiteral {
    public init(stringLiteral text: String) { self = ClockTime(text: text)! }
}
