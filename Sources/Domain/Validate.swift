public import Dates
public import Foundation

/// Field checks shared by the domain's input types; each throws a ``DomainError`` naming the field.
public enum Validate {
    /// A display name or short text: trimmed, 1 to 200 characters, no control characters but tab
    /// and line breaks (a NUL cannot even be stored).
    public static func name(_ raw: String, field: String) throws(DomainError) -> String {
        let name = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else {
            throw DomainError(field: field, rule: "required", message: "The \(field) must not be empty.")
        }
        let allowed: Set<Unicode.Scalar> = ["\t", "\n", "\r"]
        guard
            !name.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && !allowed.contains($0) })
        else {
            throw DomainError(
                field: field, rule: "characters", message: "The \(field) must not contain control characters.")
        }
        // counted as PostgreSQL's length() counts: code points, not grapheme clusters
        guard name.unicodeScalars.count <= 200 else {
            throw DomainError(
                field: field, rule: "maxLength",
                message: "The \(field) (\(name.unicodeScalars.count) characters) must be at most 200 characters.")
        }
        return name
    }

    /// A capability or skill tag: lower-case letters, digits, `.`, `_`, `-`, e.g. `cnc.5axis`.
    public static func tag(_ raw: String, field: String) throws(DomainError) -> String {
        let tag = raw.trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (1...64).contains(tag.count), tag.allSatisfy(allowed.contains), tag.first != ".", tag.first != "-" else {
            throw DomainError(
                field: field, rule: "tag",
                message:
                    "The \(field) '\(raw)' must be 1–64 lower-case letters, digits, '.', '_' or '-', such as cnc.5axis."
            )
        }
        return tag
    }

    /// An integer inside a closed range.
    public static func range(_ value: Int, _ bounds: ClosedRange<Int>, field: String) throws(DomainError) -> Int {
        guard bounds.contains(value) else {
            throw DomainError(
                field: field, rule: "range",
                message: "The \(field) (\(value)) must be between \(bounds.lowerBound) and \(bounds.upperBound).")
        }
        return value
    }
}

extension Validate {
    /// The instants Praxis schedules: from 2000-01-01 to the end of 2999 (UTC).
    public static let instants = Date(timeIntervalSince1970: 946_684_800)..<Date(timeIntervalSince1970: 32_503_680_000)

    /// An instant inside ``instants``.
    public static func instant(_ date: Date, field: String) throws(DomainError) {
        guard instants.contains(date) else {
            throw DomainError(
                field: field, rule: "range", message: "The \(field) must lie between the years 2000 and 2999.")
        }
    }

    /// A calendar date `YYYY-MM-DD` that exists, in years 0001–9999.
    @discardableResult
    public static func date(_ text: String, field: String) throws(DomainError) -> CalendarDate {
        guard let date = CalendarDate(iso: text) else {
            throw DomainError(
                field: field, rule: "date", message: "The \(field) ('\(text)') is not a date like 2026-03-02.")
        }
        return date
    }

    /// A window of two dates, the second not before the first.
    public static func window(
        _ first: CalendarDate, _ last: CalendarDate, fields: (first: String, last: String)
    ) throws(DomainError) {
        guard first <= last else {
            throw DomainError(
                field: fields.last, rule: "notBeforeStart",
                message: "The \(fields.last) (\(last)) must not be before \(first).")
        }
    }

    /// A local time `HH:MM`, 00:00 to 24:00.
    public static func time(_ text: String, field: String) throws(DomainError) -> ClockTime {
        guard let time = ClockTime(text: text) else {
            throw DomainError(field: field, rule: "time", message: "The \(field) ('\(text)') is not a time like 18:30.")
        }
        return time
    }
}
