public import Foundation

/// A free choice offered beside a clash: the same resources later, or equivalent resources (same
/// kind, at least the same capabilities, enough seats) at the same time. Each was checked by
/// writing it and rolling it back, so it was free when offered.
public struct BookingAlternative: Sendable, Equatable, Encodable {
    /// Why it is offered.
    public enum Kind: String, Sendable, Codable {
        /// The same resources, the next free span of the same length.
        case later
        /// An equivalent resource at the asked time.
        case equivalent
    }

    public let kind: Kind
    public let start: Date
    public let end: Date
    public let resourceIds: [UUID]

    public init(kind: Kind, start: Date, end: Date, resourceIds: [UUID]) {
        self.kind = kind
        self.start = start
        self.end = end
        self.resourceIds = resourceIds
    }
}
