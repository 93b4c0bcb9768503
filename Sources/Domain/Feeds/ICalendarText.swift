public import Foundation

/// The text rules of RFC 5545 (section 3.1 and 3.3): content lines ended by CRLF and folded at 75
/// octets without splitting a UTF-8 character, TEXT values escaped, and the date-time forms.
public enum ICalendarText {
    /// A TEXT value with `\`, `;`, `,` and line breaks escaped (3.3.11).
    public static func escape(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            default:
                // other control characters are not allowed in TEXT
                if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                    out.append(character)
                }
            }
        }
        return out
    }

    /// A parameter value (a `CN`): quoted, with the double quotes it may not hold taken out (3.2).
    public static func parameter(_ text: String) -> String {
        "\"" + escape(text).replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "\\", with: "") + "\""
    }

    /// One content line folded into lines of at most 75 octets, each ended by CRLF; a
    /// continuation starts with a space, and no UTF-8 sequence is cut (3.1).
    public static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out + "\r\n"
    }

    /// `20261203T080000Z`: a moment in UTC.
    public static func utc(_ date: Date) -> String {
        local(date, in: TimeZone(identifier: "UTC")!) + "Z"
    }

    /// `20261203T080000`: the wall-clock time of a moment in a zone (a `TZID` value).
    public static func local(_ date: Date, in zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "%04d%02d%02dT%02d%02d%02d", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    /// `+0800`, `-0330`, `+053730`: a UTC offset (3.3.14).
    public static func offset(_ seconds: Int) -> String {
        let sign = seconds < 0 ? "-" : "+"
        let value = abs(seconds)
        let (hours, minutes, rest) = (value / 3600, value % 3600 / 60, value % 60)
        let text = sign + String(format: "%02d%02d", hours, minutes)
        return rest == 0 ? text : text + String(format: "%02d", rest)
    }
}
