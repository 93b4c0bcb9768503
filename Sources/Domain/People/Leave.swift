public import Dates
import Foundation

/// A dated absence of an instructor (annual leave, sick leave, a training course): whole days,
/// `first` to `last` inclusive. The planner treats them as unavailable; a direct booking naming
/// the instructor on one of them is refused.
public struct Leave: Sendable, Equatable, Codable {
    /// The first day away (`"YYYY-MM-DD"` in JSON).
    public var first: CalendarDate
    /// The last day away, inclusive.
    public var last: CalendarDate
    /// Why, for the people who plan (at most 200 characters; may be empty).
    public var note: String

    public init(first: CalendarDate, last: CalendarDate, note: String = "") {
        self.first = first
        self.last = last
        self.note = note
    }

    enum CodingKeys: String, CodingKey { case first, last, note }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        first = try container.decode(CalendarDate.self, forKey: .first)
        last = try container.decode(CalendarDate.self, forKey: .last)
        note = try container.decodeIfPresent(String.self, forKey: .note) ?? ""
    }

    /// Whether the instructor is away on `date`.
    public func covers(_ date: CalendarDate) -> Bool { first <= date && date <= last }

    /// Checks a list of leave: each ends on or after its first day, the note is short, and no two
    /// overlap. Errors name `leave/i/…`.
    /// - Returns: the list ordered by first day, notes trimmed.
    public static func validated(_ list: [Leave]) throws(DomainError) -> [Leave] {
        var checked: [Leave] = []
        for (index, leave) in list.enumerated() {
            try Validate.window(leave.first, leave.last, fields: ("leave/\(index)/first", "leave/\(index)/last"))
            let note = leave.note.trimmingCharacters(in: .whitespacesAndNewlines)
            guard note.unicodeScalars.count <= 200 else {
                throw DomainError(
                    field: "leave/\(index)/note", rule: "maxLength",
                    message: "A leave's note is at most 200 characters.")
            }
            if let other = checked.first(where: { $0.first <= leave.last && leave.first <= $0.last }) {
                throw DomainError(
                    field: "leave/\(index)", rule: "overlap",
                    message: "The leave \(leave.first)–\(leave.last) overlaps the leave \(other.first)–\(other.last).")
            }
            checked.append(Leave(first: leave.first, last: leave.last, note: note))
        }
        return checked.sorted { $0.first < $1.first }
    }
}
