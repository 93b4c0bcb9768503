public import Foundation

/// A confirmed booking a run moves to its make-up so that sessions of a category the center's
/// ``DisplacementRule`` puts first can take its place: same resource, instructor and class, another day.
public struct Displacement: Sendable, Codable, Equatable {
    public var bookingId: UUID
    /// The booking's version the run read: publishing refuses when it changed since.
    public var version: Int
    public var title: String
    public var category: Category
    public var organizationId: UUID
    public var requestId: UUID?
    public var cohortIds: [UUID]
    /// Where the booking is now.
    public var was: Placement
    /// Where publishing moves it.
    public var makeUp: Placement
    /// The categories of the sessions that take its place.
    public var by: [Category]

    public init(
        bookingId: UUID, version: Int, title: String, category: Category, organizationId: UUID, requestId: UUID?,
        cohortIds: [UUID], was: Placement, makeUp: Placement, by: [Category]
    ) {
        self.bookingId = bookingId
        self.version = version
        self.title = title
        self.category = category
        self.organizationId = organizationId
        self.requestId = requestId
        self.cohortIds = cohortIds
        self.was = was
        self.makeUp = makeUp
        self.by = by
    }
}
