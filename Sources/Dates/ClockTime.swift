/// A local time of day, `HH:MM`, from 00:00 to 24:00 (the end of a day): what people book in
/// and what opening hours and allowed times are written in.
public struct ClockTime: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Minutes after midnight, 0...1440.
    public let minutes: Int

    /// A time `minutes` after midnight; `nil` outside 0...1440.
    public init?(minutes: Int) {
        guard (0...24 * 60).contains(minutes) else { return nil }
        self.minutes = minutes
    }

    /// Parses `HH:MM` (two digits each, at most 24:00).
    public init?(text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let hour = Int(parts[0]), let minute = Int(parts[1]), minute < 60
        else { return nil }
        self.init(minutes: hour * 60 + minute)
    }

    /// `HH:MM`.
    public var description: String {
        let (hour, minute) = (minutes / 60, minutes % 60)
        return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
    }

    public static func < (lhs: ClockTime, rhs: ClockTime) -> Bool { lhs.minutes < rhs.minutes }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let time = ClockTime(text: text) else {
            throw DecodingError.dataCorrupted(
                .init(
                    codingPath: decoder.codingPath, debugDescription: "'\(text)' is not a time (HH:MM)",
                    underlyingError: DateParseError(kind: .time, text: text)))
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
