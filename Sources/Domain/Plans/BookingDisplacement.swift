public import Foundation

/// A displacement as published: which booking moved from where to its make-up, for which
/// categories, by which plan and when (what the organization whose session moved reads).
public struct BookingDisplacement: Sendable, Codable, Equatable {
    public var bookingId: UUID
    public var planId: UUID
    public var organizationId: UUID
    public var title: String
    /// Where the booking was.
    public var wasStart: Date
    public var wasEnd: Date
    /// Its make-up.
    public var makeUpStart: Date
    public var makeUpEnd: Date
    public var by: [Category]
    public var displacedAt: Date

    public init(
        bookingId: UUID, planId: UUID, organizationId: UUID, title: String, wasStart: Date, wasEnd: Date,
        makeUpStart: Date, makeUpEnd: Date, by: [Category], displacedAt: Date
    ) {
        self.bookingId = bookingId
        self.planId = planId
        self.organizationId = organizationId
        self.title = title
        self.wasStart = wasStart
        self.wasEnd = wasEnd
        self.makeUpStart = makeUpStart
        self.makeUpEnd = makeUpEnd
        self.by = by
        self.displacedAt = displacedAt
    }
}
