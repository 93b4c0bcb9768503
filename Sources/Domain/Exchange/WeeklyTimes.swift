public import Dates
import Foundation

/// Weekly times written in one spreadsheet cell: `Mon AM;Wed PM;Thu 08:00-11:30` or
/// `周一上午;周三下午;周四08:00-11:30` (tokens split by `;` or `；`, a weekday then a half-day or a
/// span). The half-days are those of the class form: AM/上午 08:00–12:00, PM/下午 13:30–17:30,
/// EVE/晚上 18:30–21:00.
public enum WeeklyTimes {
    /// A named half-day: the form's toggles and the cell's words.
    public struct HalfDay: Sendable {
        /// The class form's key (`morning` …).
        public let key: String
        /// The cell's words, English first (written on export).
        public let words: [String]
        public let from: ClockTime
        public let to: ClockTime
    }

    /// Morning, afternoon and evening, in that order.
    public static let halfDays: [HalfDay] = [
        HalfDay(key: "morning", words: ["AM", "上午"], from: ClockTime(minutes: 480)!, to: ClockTime(minutes: 720)!),
        HalfDay(key: "afternoon", words: ["PM", "下午"], from: ClockTime(minutes: 810)!, to: ClockTime(minutes: 1050)!),
        HalfDay(key: "evening", words: ["EVE", "晚上"], from: ClockTime(minutes: 1110)!, to: ClockTime(minutes: 1260)!),
    ]

    private static let weekdays: [[String]] = [
        ["Mon", "周一", "星期一", "monday"], ["Tue", "周二", "星期二", "tuesday"],
        ["Wed", "周三", "星期三", "wednesday"], ["Thu", "周四", "星期四", "thursday"],
        ["Fri", "周五", "星期五", "friday"], ["Sat", "周六", "星期六", "saturday"],
        ["Sun", "周日", "星期日", "周天", "sunday"],
    ]

    /// Reads a cell into (weekday 1–7, from, to) spans, in the cell's order.
    /// - Throws: ``DomainError`` naming `field`, rule `weeklyTimes`, quoting the token it cannot read.
    public static func parse(_ cell: String, field: String) throws(DomainError) -> [(Int, ClockTime, ClockTime)] {
        var spans: [(Int, ClockTime, ClockTime)] = []
        for raw in cell.split(whereSeparator: { $0 == ";" || $0 == "；" }) {
            let token = raw.trimmingCharacters(in: .whitespaces)
            guard !token.isEmpty else { continue }
            guard let span = span(token) else {
                throw DomainError(
                    field: field, rule: "weeklyTimes",
                    message: "'\(token)' is not a weekday and a half-day or span, like Mon AM, 周三下午 or Thu 08:00-11:30."
                )
            }
            spans.append(span)
        }
        return spans
    }

    /// Writes spans as a cell, sorted, in English words (`Mon AM;Thu 08:00-11:30`).
    public static func format(_ spans: [(Int, ClockTime, ClockTime)]) -> String {
        spans.sorted { ($0.0, $0.1) < ($1.0, $1.1) }.map { weekday, from, to in
            let day = weekdays[(weekday - 1) % 7][0]
            if let half = halfDays.first(where: { $0.from == from && $0.to == to }) { return "\(day) \(half.words[0])" }
            return "\(day) \(from)-\(to)"
        }.joined(separator: ";")
    }

    private static func span(_ token: String) -> (Int, ClockTime, ClockTime)? {
        let lowered = token.lowercased()
        for (index, words) in weekdays.enumerated() {
            for word in words where lowered.hasPrefix(word.lowercased()) {
                let rest = lowered.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
                if let half = halfDays.first(where: { $0.words.contains { $0.lowercased() == rest } }) {
                    return (index + 1, half.from, half.to)
                }
                let ends = rest.split(whereSeparator: { "-–~".contains($0) }).map {
                    $0.trimmingCharacters(in: .whitespaces)
                }
                if ends.count == 2, let from = ClockTime(text: ends[0]), let to = ClockTime(text: ends[1]) {
                    return (index + 1, from, to)
                }
            }
        }
        return nil
    }
}
