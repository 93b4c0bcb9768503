public import Domain
public import Foundation

/// One booking that stood in the way of another, as a 409 lists it: as the use case showed it to
/// the caller, an occupied block (time and resources only, its buffers included) where the caller
/// may not read more.
public struct Clash: Encodable, Sendable {
    public let bookingId: UUID?
    public let start: Date
    public let end: Date
    public let resourceIds: [UUID]
    public let category: Category?
    public let title: String?
    public let occupied: Bool

    public init(_ shown: ShownBooking) {
        self.bookingId = shown.details?.id
        self.start = shown.start
        self.end = shown.end
        self.resourceIds = shown.resources.map(\.resourceId)
        self.category = shown.details?.category
        self.title = shown.details?.title
        self.occupied = shown.occupied
    }
}
