public import Dates
public import Foundation

/// A direct booking repeated weekly: for ``weeks`` weeks, or until ``until`` (inclusive), each
/// occurrence at the same local time as the first. Asked for as a ``preview`` first, then
/// confirmed with the caller's ``onClash`` choice.
public struct NewBookingSeries: Sendable, Decodable {
    /// The first occurrence.
    public var booking: NewBooking
    /// How many weeks, the first included (1–52).
    public var weeks: Int?
    /// The last day an occurrence may fall on (at most 52 weeks after the first).
    public var until: CalendarDate?
    /// Whether only to list the occurrences, writing nothing.
    public var preview: Bool
    /// What a clash of one occurrence does to the others.
    public var onClash: SeriesClashChoice

    public init(
        booking: NewBooking, weeks: Int? = nil, until: CalendarDate? = nil, preview: Bool,
        onClash: SeriesClashChoice = .allOrNone
    ) {
        self.booking = booking
        self.weeks = weeks
        self.until = until
        self.preview = preview
        self.onClash = onClash
    }

    private enum CodingKeys: String, CodingKey { case booking, weeks, until, preview, onClash }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            booking: try container.decode(NewBooking.self, forKey: .booking),
            weeks: try container.decodeIfPresent(Int.self, forKey: .weeks),
            until: try container.decodeIfPresent(CalendarDate.self, forKey: .until),
            preview: try container.decodeIfPresent(Bool.self, forKey: .preview) ?? true,
            onClash: try container.decodeIfPresent(SeriesClashChoice.self, forKey: .onClash) ?? .allOrNone)
    }

    /// The most weeks a series spans.
    public static let maximumWeeks = 52

    /// Checks what needs neither the center nor the first occurrence: `weeks` or `until`, one of them.
    public func checkRecurrence() throws(DomainError) {
        switch (weeks, until) {
        case (let weeks?, nil): _ = try Validate.range(weeks, 1...Self.maximumWeeks, field: "weeks")
        case (nil, _?): return
        default:
            throw DomainError(
                field: "weeks", rule: "oneOf",
                message: "A series repeats for a number of weeks or until a date: give one.")
        }
    }

    /// The start and end of every occurrence: the first booking's, then each a week later at the
    /// same local time of `timeZone`.
    /// - Throws: ``DomainError``: `until` before the first occurrence (`afterStart`) or more than
    ///   52 weeks after it (`range`); what ``checkRecurrence()`` throws.
    public func occurrences(timeZone: TimeZone) throws(DomainError) -> [(start: Date, end: Date)] {
        try checkRecurrence()
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        func shifted(_ date: Date, weeks: Int) -> Date {
            calendar.date(byAdding: .day, value: 7 * weeks, to: date) ?? date
        }
        var count = weeks ?? 0
        if let until {
            let parts = calendar.dateComponents([.year, .month, .day], from: booking.start)
            let first = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
            guard until >= first else {
                throw DomainError(
                    field: "until", rule: "afterStart",
                    message: "The last day (\(until)) is before the first (\(first)).")
            }
            count = (until.daysSinceEpoch - first.daysSinceEpoch) / 7 + 1
            guard count <= Self.maximumWeeks else {
                throw DomainError(
                    field: "until", rule: "range", message: "A series spans at most \(Self.maximumWeeks) weeks.")
            }
        }
        return (0..<count).map { (start: shifted(booking.start, weeks: $0), end: shifted(booking.end, weeks: $0)) }
    }
}

/// What a clash of one occurrence of a series does: `none` books nothing, `skip` books the others.
public enum SeriesClashChoice: String, Sendable, Codable, CaseIterable {
    /// One clash books nothing (`"none"` in JSON; not `none`, which would read as `Optional.none`).
    case allOrNone = "none"
    case skip
}
