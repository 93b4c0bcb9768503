import Dates
import Foundation

extension ClassAvailability {
    /// The most free times one list may hold, and the most weeks listed.
    public static let limits = (freeTimes: 50, weeks: 60)

    /// Checks every field; fields are named under `prefix` (e.g. `availability/`).
    /// - Throws: ``DomainError``: `travelMinutes` out of 0–240 (`range`); a free time whose weekday
    ///   is not 1–7 (`range`), that ends before it starts (`afterFrom`) or overlaps another of its
    ///   weekday (`overlap`); weekly free times of a class free any time (`freeAnyTime`), none of one
    ///   that is not (`required`); a week
    ///   that is not a Monday (`monday`) or is listed twice (`unique`); lists too long (`maxItems`).
    public func validate(prefix: String = "") throws(DomainError) {
        _ = try Validate.range(travelMinutes, 0...240, field: prefix + "travelMinutes")
        if freeAnyTime && !freeTimes.isEmpty {
            throw DomainError(
                field: prefix + "freeTimes", rule: "freeAnyTime",
                message: "A class free any time lists no weekly free times; set freeAnyTime to false to list them.")
        }
        if !freeAnyTime && freeTimes.isEmpty {
            throw DomainError(
                field: prefix + "freeTimes", rule: "required",
                message: "List the class's weekly free times, or make it free any time.")
        }
        try Self.check(freeTimes, field: prefix + "freeTimes")
        try Self.limit(weeks.count, Self.limits.weeks, field: prefix + "weeks")
        var seen: Set<CalendarDate> = []
        for (index, week) in weeks.enumerated() {
            let field = "\(prefix)weeks/\(index)"
            guard week.weekOf.isoWeekday == 1 else {
                throw DomainError(
                    field: field + "/weekOf", rule: "monday",
                    message: "A week is named by its Monday; \(week.weekOf) is not a Monday.")
            }
            guard seen.insert(week.weekOf).inserted else {
                throw DomainError(
                    field: field + "/weekOf", rule: "unique", message: "The week of \(week.weekOf) is listed twice.")
            }
            if !week.note.trimmingCharacters(in: .whitespaces).isEmpty {
                _ = try Validate.name(week.note, field: field + "/note")  // no control characters, ≤ 200
            }
            try Self.check(week.freeTimes, field: field + "/freeTimes")
        }
    }

    /// Free times of one list: weekdays 1–7, each ending after it starts, none overlapping.
    private static func check(_ times: [FreeTime], field: String) throws(DomainError) {
        try limit(times.count, limits.freeTimes, field: field)
        var spans: [Int: [Range<ClockTime>]] = [:]
        for (index, time) in times.enumerated() {
            _ = try Validate.range(time.weekday, 1...7, field: "\(field)/\(index)/weekday")
            guard time.to > time.from else {
                throw DomainError(
                    field: "\(field)/\(index)/to", rule: "afterFrom",
                    message: "A free time must end after it starts (\(time.from)–\(time.to)).")
            }
            guard !spans[time.weekday, default: []].contains(where: { $0.overlaps(time.from..<time.to) }) else {
                throw DomainError(
                    field: "\(field)/\(index)", rule: "overlap",
                    message: "Two free times of weekday \(time.weekday) overlap (\(time.from)–\(time.to)).")
            }
            spans[time.weekday, default: []].append(time.from..<time.to)
        }
    }

    private static func limit(_ count: Int, _ most: Int, field: String) throws(DomainError) {
        guard count <= most else {
            throw DomainError(field: field, rule: "maxItems", message: "The \(field) list holds at most \(most) items.")
        }
    }
}
