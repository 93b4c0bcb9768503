public import Foundation

/// One week of a booking series as checked: booked, skipped (the center is closed that day) or
/// refused (bookings, maintenance or a rule of that day in the way).
public struct SeriesOccurrence: Sendable, Equatable, Encodable {
    /// What became of an occurrence.
    public enum Outcome: String, Sendable, Codable {
        case booked
        case skipped
        case clash
    }

    public let start: Date
    public let end: Date
    public let outcome: Outcome
    /// The booking made (or, in a preview, that would be made).
    public let bookingId: UUID?
    /// The rule that skipped or refused it (`centerClosed`, `clash`, `onLeave`…).
    public let rule: String?
    /// Why, in a sentence.
    public let detail: String?
    /// The bookings in the way, as the caller may see them.
    public let inTheWay: [ShownBooking]

    public init(
        start: Date, end: Date, outcome: Outcome, bookingId: UUID? = nil, rule: String? = nil, detail: String? = nil,
        inTheWay: [ShownBooking] = []
    ) {
        self.start = start
        self.end = end
        self.outcome = outcome
        self.bookingId = bookingId
        self.rule = rule
        self.detail = detail
        self.inTheWay = inTheWay
    }
}

/// The answer to a booking series: every occurrence, and whether its bookings were written.
public struct SeriesOutcome: Sendable, Equatable, Encodable {
    /// The id the series' bookings share (also in a preview, where nothing keeps it).
    public let seriesId: UUID
    /// Whether the bookings were written: `false` for a preview, or a series refused whole.
    public let written: Bool
    public let occurrences: [SeriesOccurrence]

    public init(seriesId: UUID, written: Bool, occurrences: [SeriesOccurrence]) {
        self.seriesId = seriesId
        self.written = written
        self.occurrences = occurrences
    }

    /// Whether any occurrence clashes.
    public var hasClash: Bool { occurrences.contains { $0.outcome == .clash } }
}
