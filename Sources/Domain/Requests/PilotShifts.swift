public import Dates

/// How a pilot run works its days, independent of the center's opening hours: the center's day
/// (`dayHours`, the longest opening span of each day), two 12-hour or three 8-hour shifts round the
/// clock from `firstStart`, or a `custom` list of shifts.
public struct PilotShifts: Sendable, Equatable, Codable {
    /// The working pattern; its JSON values are `dayHours`, `2x12`, `3x8` and `custom`.
    public enum Pattern: String, Sendable, Equatable, Codable, CaseIterable {
        case dayHours
        case twoTwelve = "2x12"
        case threeEight = "3x8"
        case custom
    }

    /// One shift: its start (local time) and length, repeated every day of the run.
    public struct Shift: Sendable, Equatable, Codable {
        public var start: ClockTime
        public var minutes: Int

        public init(start: ClockTime, minutes: Int) {
            self.start = start
            self.minutes = minutes
        }
    }

    public var pattern: Pattern
    /// Start of the first shift of `2x12` and `3x8` (required for them).
    public var firstStart: ClockTime?
    /// The shifts of a `custom` pattern (required for it, refused otherwise).
    public var custom: [Shift]?

    public init(pattern: Pattern, firstStart: ClockTime? = nil, custom: [Shift]? = nil) {
        self.pattern = pattern
        self.firstStart = firstStart
        self.custom = custom
    }

    /// The shifts of one day, in minutes after its midnight (a shift may run past the next midnight);
    /// `nil` for `dayHours`, whose day is the center's.
    public var shifts: [Shift]? {
        switch pattern {
        case .dayHours: nil
        case .twoTwelve, .threeEight:
            firstStart.map { first in
                let length = pattern == .twoTwelve ? 720 : 480
                return (0..<(1440 / length)).map {
                    Shift(start: ClockTime(minutes: (first.minutes + $0 * length) % 1440)!, minutes: length)
                }
            }
        case .custom: custom
        }
    }

    func validate() throws(DomainError) {
        switch pattern {
        case .dayHours:
            guard firstStart == nil, custom == nil else {
                throw DomainError(
                    field: firstStart == nil ? "details/shifts/custom" : "details/shifts/firstStart",
                    rule: "notForPattern", message: "A dayHours run follows the center's opening hours.")
            }
        case .twoTwelve, .threeEight:
            guard let firstStart else {
                throw DomainError(
                    field: "details/shifts/firstStart", rule: "required",
                    message: "Say when the first shift of a \(pattern.rawValue) run starts, e.g. 06:00.")
            }
            _ = try Validate.range(firstStart.minutes, 0...1439, field: "details/shifts/firstStart")
            guard custom == nil else {
                throw DomainError(
                    field: "details/shifts/custom", rule: "notForPattern",
                    message: "Only a custom pattern lists its shifts.")
            }
        case .custom:
            try validateCustom()
        }
    }

    /// A custom list: 1 to 6 shifts, each starting before 24:00 and 30 minutes to 24 hours long,
    /// none overlapping another (also across midnight).
    private func validateCustom() throws(DomainError) {
        guard let custom, !custom.isEmpty else {
            throw DomainError(
                field: "details/shifts/custom", rule: "required", message: "List the shifts of a custom pattern.")
        }
        _ = try Validate.range(custom.count, 1...6, field: "details/shifts/custom")
        for (index, shift) in custom.enumerated() {
            _ = try Validate.range(shift.start.minutes, 0...1439, field: "details/shifts/custom/\(index)/start")
            _ = try Validate.range(shift.minutes, 30...1440, field: "details/shifts/custom/\(index)/minutes")
        }
        let ordered = custom.enumerated().sorted { $0.element.start < $1.element.start }
        for (position, (index, shift)) in ordered.enumerated() {
            let next = ordered[(position + 1) % ordered.count].element
            let nextStart = next.start.minutes + (position + 1 == ordered.count ? 1440 : 0)
            if ordered.count > 1, shift.start.minutes + shift.minutes > nextStart {
                throw DomainError(
                    field: "details/shifts/custom/\(index)/minutes", rule: "overlap",
                    message: "The shift starting \(shift.start) runs into the one starting \(next.start).")
            }
        }
    }
}
