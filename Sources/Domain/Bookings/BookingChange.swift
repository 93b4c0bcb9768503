public import Foundation

/// What moving or editing a booking changes: each field left out keeps the booking's own; the
/// reason is required and kept in the audit row (and told to the booking's organization when
/// someone else moves it).
public struct BookingChange: Sendable, Decodable {
    public var start: Date?
    public var end: Date?
    public var resources: [Booking.Use]?
    public var title: String?
    public var participants: Int?
    public var reason: String

    public init(
        start: Date? = nil, end: Date? = nil, resources: [Booking.Use]? = nil, title: String? = nil,
        participants: Int? = nil, reason: String
    ) {
        self.start = start
        self.end = end
        self.resources = resources
        self.title = title
        self.participants = participants
        self.reason = reason
    }

    /// The booking as it would be asked for afresh with the change: what the checks of a new
    /// booking read.
    public func applied(to booking: Booking) -> NewBooking {
        NewBooking(
            organizationId: booking.organizationId, requestId: booking.requestId, category: booking.category,
            title: title ?? booking.title, start: start ?? booking.start, end: end ?? booking.end,
            resources: resources ?? booking.resources, instructorId: booking.instructorId,
            participants: participants ?? booking.participants,
            cohortIds: booking.cohortIds.isEmpty ? nil : booking.cohortIds,
            secondInstructorId: booking.secondInstructorId, group: booking.group)
    }
}
