public import Foundation

/// One assignment of a proposal (or one of its requests) that no longer holds when the plan is
/// published, and why: the center changed since the run.
public struct StaleAssignment: Sendable, Codable, Equatable {
    public var requestId: UUID
    public var session: Int?
    public var title: String?
    public var start: Date?
    public var end: Date?
    public var resourceId: UUID?
    public var reason: String
    /// Confirmed bookings now in the way (the resource's, its workshop's or machines', or the instructor's).
    public var bookingIds: [UUID]

    public init(_ assignment: ProposedAssignment, reason: String, bookingIds: [UUID] = []) {
        requestId = assignment.requestId
        session = assignment.session
        title = assignment.title
        start = assignment.start
        end = assignment.end
        resourceId = assignment.resourceId
        self.reason = reason
        self.bookingIds = bookingIds
    }

    public init(requestId: UUID, reason: String) {
        self.requestId = requestId
        self.reason = reason
        bookingIds = []
    }
}
