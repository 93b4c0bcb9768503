public import Domain
public import Foundation

/// Publishing refused: the center changed since the run, and these assignments no longer hold.
/// Nothing was written.
public struct PlanConflict: Error, Sendable {
    /// One assignment (or request) that no longer holds, and why.
    public struct Item: Sendable, Codable, Equatable {
        public var requestId: UUID
        public var session: Int?
        public var title: String?
        public var start: Date?
        public var end: Date?
        public var resourceId: UUID?
        public var reason: String
        /// Confirmed bookings now in the way (the resource's, its workshop's or machines', or the instructor's).
        public var bookingIds: [UUID]

        init(_ assignment: ProposedAssignment, reason: String, bookingIds: [UUID] = []) {
            requestId = assignment.requestId
            session = assignment.session
            title = assignment.title
            start = assignment.start
            end = assignment.end
            resourceId = assignment.resourceId
            self.reason = reason
            self.bookingIds = bookingIds
        }

        init(requestId: UUID, reason: String) {
            self.requestId = requestId
            self.reason = reason
            bookingIds = []
        }
    }

    public var items: [Item]
}
