public import Domain
public import Foundation

/// A run's proposal: where every session goes, what did not fit and why, the score by constraint,
/// the shared-employee seat outcome, and how it differs from the published schedule.
public struct PlanResult: Sendable, Codable, Equatable {
    public var score: PlanScore
    /// Sessions of the requests planned (pinned bookings not counted).
    public var sessions: Int
    public var placed: Int
    /// Confirmed bookings the run kept where they are.
    public var pinnedBookings: Int
    public var assignments: [ProposedAssignment]
    public var unplaced: [UnplacedSession]
    /// Constraints with a non-zero penalty, hard first.
    public var constraints: [ConstraintScore]
    public var seatAllocations: [SeatOutcome]
    public var diff: PlanDiff
    public var steps: Int
    public var movesEvaluated: Int
    public var seconds: Double
}

/// One session of a request: its request and its position within the request (week by week for
/// training, in order for a course or a pilot run).
public struct SessionKey: Sendable, Codable, Hashable, Comparable {
    public var requestId: UUID
    public var session: Int

    public init(requestId: UUID, session: Int) {
        self.requestId = requestId
        self.session = session
    }

    public static func < (lhs: SessionKey, rhs: SessionKey) -> Bool {
        (lhs.requestId.uuidString, lhs.session) < (rhs.requestId.uuidString, rhs.session)
    }
}

/// Where and when a session goes: the booking publishing will write.
public struct ProposedAssignment: Sendable, Codable, Equatable {
    public var requestId: UUID
    public var session: Int
    /// The booking's title: the request's title and which session it is.
    public var title: String
    public var category: Domain.Category
    public var organizationId: UUID
    public var start: Date
    public var end: Date
    public var resourceId: UUID
    /// Stations taken from a workstation pool; `nil`: the whole resource.
    public var stations: Int?
    public var instructorId: UUID?
    public var cohortIds: [UUID]
    public var participants: Int

    public var key: SessionKey { SessionKey(requestId: requestId, session: session) }
    public var placement: Placement {
        Placement(start: start, end: end, resourceId: resourceId, instructorId: instructorId)
    }
}

/// A session the proposal leaves out, with the allocator's reasons, most telling first.
public struct UnplacedSession: Sendable, Codable, Equatable {
    public var requestId: UUID
    public var session: Int
    public var name: String
    public var reasons: [String]
}

/// One constraint's share of the score.
public struct ConstraintScore: Sendable, Codable, Equatable {
    public var constraint: String
    /// `hard`, `medium` or `soft`.
    public var level: String
    public var penalty: Int64
    /// The penalty times the constraint's weight.
    public var weighted: Int64
}

/// How a shared-employee course's seats went.
public struct SeatOutcome: Sendable, Codable, Equatable {
    /// One SME's seat request and what it got.
    public struct Grant: Sendable, Codable, Equatable {
        public var requestId: UUID
        public var organizationId: UUID
        public var asked: Int
        public var granted: Int
    }

    public var courseRequestId: UUID
    public var seatsOffered: Int
    public var runs: Bool
    /// Why the course does not run.
    public var reason: String?
    public var grants: [Grant]
}

/// A time, a resource and an instructor.
public struct Placement: Sendable, Codable, Equatable {
    public var start: Date
    public var end: Date
    public var resourceId: UUID
    public var instructorId: UUID?
}

/// The proposal against the published schedule.
public struct PlanDiff: Sendable, Codable, Equatable {
    /// A published session placed elsewhere.
    public struct Move: Sendable, Codable, Equatable {
        public var requestId: UUID
        public var session: Int
        public var from: Placement
        public var to: Placement
    }

    /// Sessions placed that were not published.
    public var added: [SessionKey]
    public var moved: [Move]
    /// Published sessions the proposal leaves out.
    public var removed: [SessionKey]
    /// Published sessions that stay as they are.
    public var unchanged: Int
}
