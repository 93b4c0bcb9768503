public import Domain
public import Foundation

/// One booking that stood in the way of another, as a 409 lists it. What the caller may not
/// read (see ``Audience``) shows only its time and resources, marked `occupied`.
public struct Clash: Encodable, Sendable {
    public let bookingId: UUID?
    public let start: Date
    public let end: Date
    public let resourceIds: [UUID]
    public let category: Category?
    public let title: String?
    public let occupied: Bool

    public init(_ booking: Booking, audience: Audience = .anyone) {
        let confidential = !audience.seesDetails(category: booking.category, organizationId: booking.organizationId)
        self.bookingId = confidential ? nil : booking.id
        self.start = booking.start
        self.end = booking.end
        self.resourceIds = booking.resources.map(\.resourceId)
        self.category = confidential ? nil : booking.category
        self.title = confidential ? nil : booking.title
        self.occupied = confidential
    }
}
