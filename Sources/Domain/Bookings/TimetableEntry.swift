public import Foundation

/// One session of a timetable, with names resolved for display. Where the reader may not see
/// the booking's details it is `occupied`: time and resources only.
public struct TimetableEntry: Sendable, Equatable, Codable {
    /// An object referred to by id and display name.
    public struct Named: Sendable, Equatable, Codable {
        public var id: UUID
        public var name: String

        public init(id: UUID, name: String) {
            self.id = id
            self.name = name
        }
    }

    /// A resource of the session; `stations` for part of a workstation pool.
    public struct ResourceUse: Sendable, Equatable, Codable {
        public var id: UUID
        public var name: String
        public var stations: Int?

        public init(id: UUID, name: String, stations: Int?) {
            self.id = id
            self.name = name
            self.stations = stations
        }
    }

    public var start: Date
    public var end: Date
    public var resources: [ResourceUse]
    /// True when the details below are withheld from this reader.
    public var occupied: Bool
    public var bookingId: UUID?
    public var category: Category?
    public var title: String?
    public var requestId: UUID?
    public var organization: Named?
    public var instructor: Named?
    /// The second instructor (双师), if the session has one.
    public var secondInstructor: Named?
    /// Which group of its class the session is (第1组 / group 1); `nil`: the whole class.
    public var group: SessionGroup?
    public var cohorts: [Named]?
    /// The bell periods the session coincides with (第3–4节), when it starts at one period's start
    /// and ends at another's end on its day at its center.
    public var periods: PeriodSpan?

    public init(
        start: Date, end: Date, resources: [ResourceUse], bookingId: UUID, category: Category, title: String,
        requestId: UUID?, organization: Named, instructor: Named?, cohorts: [Named]
    ) {
        self.start = start
        self.end = end
        self.resources = resources
        self.occupied = false
        self.bookingId = bookingId
        self.category = category
        self.title = title
        self.requestId = requestId
        self.organization = organization
        self.instructor = instructor
        self.cohorts = cohorts
    }

    /// The entry as `audience` may read it.
    public func shown(to audience: Audience) -> TimetableEntry {
        guard let category, let organization, !audience.seesDetails(category: category, organizationId: organization.id)
        else { return self }
        var hidden = self
        hidden.occupied = true
        (hidden.bookingId, hidden.category, hidden.title, hidden.requestId) = (nil, nil, nil, nil)
        (hidden.organization, hidden.instructor, hidden.cohorts) = (nil, nil, nil)
        (hidden.secondInstructor, hidden.group) = (nil, nil)
        return hidden
    }
}

/// Who reads a schedule, as far as confidentiality goes.
public enum Audience: Sendable, Equatable {
    /// The center's managers and auditors: every detail.
    case center
    /// An organization's people: their own bookings in full, everyone else's as occupied.
    case organization(UUID)

    /// Whether this audience sees the details of a booking of `category` by `organizationId`.
    public func seesDetails(category: Category, organizationId: UUID) -> Bool {
        switch self {
        case .center: true
        case .organization(let id): id == organizationId
        }
    }
}

/// Whose timetable is read.
public enum TimetableSubject: Sendable, Equatable {
    /// The resource, what it contains and what contains it.
    case resource(UUID)
    case instructor(UUID)
    case cohort(UUID)
    case organization(UUID)

    /// The entity's name in messages ("no such resource").
    public var entity: String {
        switch self {
        case .resource: "resource"
        case .instructor: "instructor"
        case .cohort: "cohort"
        case .organization: "organization"
        }
    }
}

/// The first and last bell periods a session coincides with: `{"from": 3, "to": 4}` (第3–4节).
public struct PeriodSpan: Sendable, Equatable, Codable {
    public var from: Int
    public var to: Int

    public init(from: Int, to: Int) {
        self.from = from
        self.to = to
    }
}
