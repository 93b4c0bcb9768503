public import Foundation

/// A confirmed use of resources (and perhaps an instructor) for a span of time.
public struct Booking: Sendable, Equatable, Codable {
    /// One resource of a booking: the whole of it, or some stations of a pool.
    public struct Use: Sendable, Equatable, Codable {
        public var resourceId: UUID
        /// Stations taken from a workstation pool; `nil` takes the whole resource.
        public var stations: Int?

        public init(resourceId: UUID, stations: Int? = nil) {
            self.resourceId = resourceId
            self.stations = stations
        }
    }

    public var id: UUID
    public var centerId: UUID
    public var organizationId: UUID
    /// The request the booking serves, if any.
    public var requestId: UUID?
    public var category: Category
    public var title: String
    public var start: Date
    public var end: Date
    public var resources: [Use]
    public var instructorId: UUID?
    public var participants: Int
    public var cohortIds: [UUID]
    public var status: BookingStatus
    public var version: Int
    /// The second instructor (双师: an enterprise mentor, or a second teacher for the ratio), if any.
    public var secondInstructorId: UUID?
    /// Which group of its class the booking holds; `nil`: the whole class.
    public var group: SessionGroup?
    /// The weekly series the booking is an occurrence of, if any (``NewBookingSeries``).
    public var seriesId: UUID?

    public init(
        id: UUID, centerId: UUID, organizationId: UUID, requestId: UUID? = nil, category: Category, title: String,
        start: Date, end: Date,
        resources: [Use], instructorId: UUID?, participants: Int, cohortIds: [UUID], status: BookingStatus,
        version: Int,
        secondInstructorId: UUID? = nil, group: SessionGroup? = nil, seriesId: UUID? = nil
    ) {
        self.id = id
        self.centerId = centerId
        self.organizationId = organizationId
        self.requestId = requestId
        self.category = category
        self.title = title
        self.start = start
        self.end = end
        self.resources = resources
        self.instructorId = instructorId
        self.participants = participants
        self.cohortIds = cohortIds
        self.status = status
        self.version = version
        self.secondInstructorId = secondInstructorId
        self.group = group
        self.seriesId = seriesId
    }
}

/// A booking is confirmed until it is cancelled.
public enum BookingStatus: String, Sendable, Codable, CaseIterable {
    case confirmed
    case cancelled
}
