import Access
import Dates
import Domain
import Foundation

/// The class form of the school pages: name, size, travel minutes, the weekly free times as
/// half-day toggles or exact times per weekday (exact times replace the toggles of their day), and
/// the weeks that differ, one a line: `2026-06-29 考试周` (not free that week) or
/// `2026-04-20 企业周 周三 14:00-17:30` (free only then).
enum ClassForm {
    /// The half-days the toggles stand for.
    static let halfDays: [(key: String, from: ClockTime, to: ClockTime)] = WeeklyTimes.halfDays.map {
        ($0.key, $0.from, $0.to)
    }

    /// The availability the form describes.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `availability/travelMinutes`, `exact<weekday>` or
    ///   `weeks` when a number, a time or a line cannot be read.
    static func availability(_ form: Form) throws -> ClassAvailability {
        var times: [ClassAvailability.FreeTime] = []
        for weekday in 1...7 {
            let exact = form.text("exact\(weekday)")
            if exact.isEmpty {
                times += halfDays.filter { form.all("half\(weekday)").contains($0.key) }.map {
                    ClassAvailability.FreeTime(weekday: weekday, from: $0.from, to: $0.to)
                }
            } else {
                times += try spans(exact, field: "exact\(weekday)").map {
                    ClassAvailability.FreeTime(weekday: weekday, from: $0, to: $1)
                }
            }
        }
        let anyTime = form.text("anyTime") == "1"
        return ClassAvailability(
            freeAnyTime: anyTime, freeTimes: anyTime ? [] : times,
            weeks: try form.text("weeks").split(whereSeparator: \.isNewline).map { try week(String($0)) },
            travelMinutes: try BookingForm.number(form.text("travel"), field: "availability/travelMinutes") ?? 0)
    }

    /// Reads `08:00-11:30 13:30-17:00` (spaces or commas between spans, `-` or `–` within one).
    static func spans(_ text: String, field: String) throws -> [(ClockTime, ClockTime)] {
        try text.split(whereSeparator: { " ,，;；".contains($0) }).map { token in
            let ends = token.split(whereSeparator: { "-–~".contains($0) }).map(String.init)
            guard ends.count == 2, let from = ClockTime(text: ends[0]), let to = ClockTime(text: ends[1]) else {
                throw ServiceError.invalid(
                    DomainError(field: field, rule: "time", message: "'\(token)' is not a span like 08:00-11:30."))
            }
            return (from, to)
        }
    }

    /// Reads one line of the weeks that differ: a Monday's date, words of a note, and weekdays
    /// (Mon…Sun, 周一…周日) each followed by their spans.
    static func week(_ line: String) throws -> ClassAvailability.Week {
        let tokens = line.split(whereSeparator: \.isWhitespace).map(String.init)
        guard let first = tokens.first, let monday = CalendarDate(iso: first) else {
            throw ServiceError.invalid(
                DomainError(field: "weeks", rule: "date", message: "A line must start with a date like 2026-06-29."))
        }
        var week = ClassAvailability.Week(weekOf: monday)
        var note: [String] = []
        var weekday: Int?
        for token in tokens.dropFirst() {
            if let day = weekdayNumber(token) {
                weekday = day
            } else if token.first?.isNumber == true, let day = weekday {
                week.freeTimes += try spans(token, field: "weeks").map {
                    ClassAvailability.FreeTime(weekday: day, from: $0, to: $1)
                }
            } else {
                note.append(token)
            }
        }
        week.note = note.joined(separator: " ")
        return week
    }

    private static let weekdayWords: [[String]] = [
        ["mon", "周一", "星期一"], ["tue", "周二", "星期二"], ["wed", "周三", "星期三"], ["thu", "周四", "星期四"],
        ["fri", "周五", "星期五"], ["sat", "周六", "星期六"], ["sun", "周日", "星期日", "周天"],
    ]

    private static func weekdayNumber(_ token: String) -> Int? {
        let word = token.lowercased()
        return weekdayWords.firstIndex { $0.contains(word) || (word.count >= 3 && $0[0] == word.prefix(3)) }
            .map { $0 + 1 }
    }
}
