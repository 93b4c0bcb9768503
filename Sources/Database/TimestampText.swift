import Dates
public import Foundation

/// Reads and writes `timestamptz` in PostgreSQL's ISO text style (`2026-03-02 08:00:00.25+00`).
///
/// Connections are opened with `DateStyle=ISO` and `TimeZone=UTC`, so the server writes this shape;
/// parsing still honours any offset (`+08`, `-03:30`) and the special values `infinity` / `-infinity`.
public enum TimestampText {
    /// Formats a date in UTC with microsecond precision.
    public static func format(_ date: Date) -> String {
        if date == .distantFuture { return "infinity" }
        if date == .distantPast { return "-infinity" }
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded())
        var seconds = micros / 1_000_000
        var fraction = micros % 1_000_000
        if fraction < 0 {
            fraction += 1_000_000
            seconds -= 1
        }
        let days = Int((seconds - ((seconds % 86_400) + 86_400) % 86_400) / 86_400)
        let secondOfDay = Int(seconds - Int64(days) * 86_400)
        let (y, m, d) = CivilCalendar.civil(fromDays: days)
        var text = pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2) + " "
        text += pad(secondOfDay / 3600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if fraction != 0 { text += "." + pad(Int(fraction), 6) }
        return text + "+00"
    }

    /// Parses `YYYY-MM-DD[ T]HH:MM:SS[.ffffff][±HH[:MM[:SS]]|Z]`; `nil` on anything else.
    public static func parse(_ text: String) -> Date? {
        if text == "infinity" { return .distantFuture }
        if text == "-infinity" { return .distantPast }
        let bytes = Array(text.utf8)
        guard bytes.count >= 19, let date = CalendarDate(iso: String(decoding: bytes[0..<10], as: UTF8.self)),
            bytes[10] == UInt8(ascii: " ") || bytes[10] == UInt8(ascii: "T"),
            let hour = number(bytes, 11, 2), bytes[13] == UInt8(ascii: ":"),
            let minute = number(bytes, 14, 2), bytes[16] == UInt8(ascii: ":"),
            let second = number(bytes, 17, 2), hour < 24, minute < 60, second < 61
        else { return nil }
        var index = 19
        var fraction = 0.0
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            while index < bytes.count, let digit = digit(bytes[index]) {
                fraction += Double(digit) * scale
                scale /= 10
                index += 1
            }
        }
        guard let offset = offsetSeconds(bytes[index...]) else { return nil }
        let seconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    private static func offsetSeconds(_ rest: ArraySlice<UInt8>) -> Int? {
        guard let sign = rest.first else { return 0 }
        if sign == UInt8(ascii: "Z"), rest.count == 1 { return 0 }
        guard sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        let parts = rest.dropFirst().split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { return nil }
        var total = 0
        for (part, unit) in zip(parts, [3600, 60, 1]) {
            guard part.count == 2, let value = number(Array(part), 0, 2) else { return nil }
            total += value * unit
        }
        return sign == UInt8(ascii: "-") ? -total : total
    }

    private static func number(_ bytes: [UInt8], _ start: Int, _ count: Int) -> Int? {
        guard start + count <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[start..<start + count] {
            guard let d = digit(byte) else { return nil }
            value = value * 10 + d
        }
        return value
    }

    private static func digit(_ byte: UInt8) -> Int? {
        byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") ? Int(byte - UInt8(ascii: "0")) : nil
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
