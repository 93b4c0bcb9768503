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
    /// Sessions within the horizon that did not fit.
    public var unplaced: [UnplacedSession]
    /// Sessions whose weeks lie outside the horizon (`nil` in runs made before they were kept
    /// apart, which list them among `unplaced`). `sessions` = `placed` + unplaced + these.
    public var outsideHorizon: [OutsideHorizonSession]?
    /// Confirmed bookings moved to a make-up to make room (the center's displacement rule); `nil` in
    /// runs made before displacement existed.
    public var displacements: [Displacement]?
    /// Constraints with a non-zero penalty, hard first.
    public var constraints: [ConstraintScore]
    public var seatAllocations: [SeatOutcome]
    public var diff: PlanDiff
    public var steps: Int
    public var movesEvaluated: Int
    public var seconds: Double
    /// How long each part of the run took; `nil` in runs made before they were kept.
    public var timings: PlanTimings?

    public init(
        score: PlanScore, sessions: Int, placed: Int, pinnedBookings: Int, assignments: [ProposedAssignment],
        unplaced: [UnplacedSession], outsideHorizon: [OutsideHorizonSession]? = [], constraints: [ConstraintScore],
        seatAllocations: [SeatOutcome], diff: PlanDiff, steps: Int, movesEvaluated: Int, seconds: Double,
        displacements: [Displacement]? = []
    ) {
        self.score = score
        self.sessions = sessions
        self.placed = placed
        self.pinnedBookings = pinnedBookings
        self.assignments = assignments
        self.unplaced = unplaced
        self.outsideHorizon = outsideHorizon
        self.displacements = displacements
        self.constraints = constraints
        self.seatAllocations = seatAllocations
        self.diff = diff
        self.steps = steps
        self.movesEvaluated = movesEvaluated
        self.seconds = seconds
    }
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
    public var category: Category
    public var organizationId: UUID
    public var start: Date
    public var end: Date
    public var resourceId: UUID
    /// Stations taken from a workstation pool; `nil`: the whole resource.
    public var stations: Int?
    public var instructorId: UUID?
    /// The second instructor (双师: an enterprise mentor, or a second teacher for the ratio).
    public var secondInstructorId: UUID?
    public var cohortIds: [UUID]
    public var participants: Int
    /// Which group of its class the session is, when the class is split into groups.
    public var group: SessionGroup?

    public var key: SessionKey { SessionKey(requestId: requestId, session: session) }
    public var placement: Placement {
        Placement(start: start, end: end, resourceId: resourceId, instructorId: instructorId)
    }

    public init(
        requestId: UUID, session: Int, title: String, category: Category, organizationId: UUID, start: Date, end: Date,
        resourceId: UUID, stations: Int?, instructorId: UUID?, secondInstructorId: UUID? = nil, cohortIds: [UUID],
        participants: Int, group: SessionGroup? = nil
    ) {
        self.requestId = requestId
        self.session = session
        self.title = title
        self.category = category
        self.organizationId = organizationId
        self.start = start
        self.end = end
        self.resourceId = resourceId
        self.stations = stations
        self.instructorId = instructorId
        self.secondInstructorId = secondInstructorId
        self.cohortIds = cohortIds
        self.participants = participants
        self.group = group
    }
}

/// A session the proposal leaves out, with the allocator's reasons, most telling first.
public struct UnplacedSession: Sendable, Codable, Equatable {
    public var requestId: UUID
    public var session: Int
    public var name: String
    public var reasons: [LocalizedText]

    public init(
        requestId: UUID, session: Int, name: String, reasons: [LocalizedText]
    ) {
        self.requestId = requestId
        self.session = session
        self.name = name
        self.reasons = reasons
    }
}

/// One constraint's share of the score.
public struct ConstraintScore: Sendable, Codable, Equatable {
    public var constraint: String
    /// `hard`, `medium` or `soft`.
    public var level: String
    public var penalty: Int64
    /// The penalty times the constraint's weight.
    public var weighted: Int64

    public init(
        constraint: String, level: String, penalty: Int64, weighted: Int64
    ) {
        self.constraint = constraint
        self.level = level
        self.penalty = penalty
        self.weighted = weighted
    }
}

/// How a shared-employee course's seats went.
public struct SeatOutcome: Sendable, Codable, Equatable {
    /// One SME's seat request and what it got.
    public struct Grant: Sendable, Codable, Equatable {
        public var requestId: UUID
        public var organizationId: UUID
        public var asked: Int
        public var granted: Int

        public init(
            requestId: UUID, organizationId: UUID, asked: Int, granted: Int
        ) {
            self.requestId = requestId
            self.organizationId = organizationId
            self.asked = asked
            self.granted = granted
        }
    }

    public var courseRequestId: UUID
    public var seatsOffered: Int
    public var runs: Bool
    /// Why the course does not run.
    public var reason: LocalizedText?
    public var grants: [Grant]

    public init(
        courseRequestId: UUID, seatsOffered: Int, runs: Bool, reason: LocalizedText?, grants: [Grant]
    ) {
        self.courseRequestId = courseRequestId
        self.seatsOffered = seatsOffered
        self.runs = runs
        self.reason = reason
        self.grants = grants
    }
}

/// A time, a resource and an instructor.
public struct Placement: Sendable, Codable, Equatable {
    public var start: Date
    public var end: Date
    public var resourceId: UUID
    public var instructorId: UUID?

    public init(
        start: Date, end: Date, resourceId: UUID, instructorId: UUID?
    ) {
        self.start = start
        self.end = end
        self.resourceId = resourceId
        self.instructorId = instructorId
    }
}

/// The proposal against the published schedule.
public struct PlanDiff: Sendable, Codable, Equatable {
    /// A published session placed elsewhere.
    public struct Move: Sendable, Codable, Equatable {
        public var requestId: UUID
        public var session: Int
        public var from: Placement
        public var to: Placement

        public init(
            requestId: UUID, session: Int, from: Placement, to: Placement
        ) {
            self.requestId = requestId
            self.session = session
            self.from = from
            self.to = to
        }
    }

    /// Sessions placed that were not published.
    public var added: [SessionKey]
    public var moved: [Move]
    /// Published sessions the proposal leaves out.
    public var removed: [SessionKey]
    /// Published sessions that stay as they are.
    public var unchanged: Int

    public init(
        added: [SessionKey], moved: [Move], removed: [SessionKey], unchanged: Int
    ) {
        self.added = added
        self.moved = moved
        self.removed = removed
        self.unchanged = unchanged
    }
}

extension PlanResult {
    /// What the proposal places of each request it holds a session of (a session outside the
    /// horizon counts as left out: the request stays plannable for a later run).
    public var placements: [UUID: RequestPlacement] {
        var placements: [UUID: RequestPlacement] = [:]
        for assignment in assignments {
            placements[assignment.requestId, default: RequestPlacement(asked: 0, placed: 0, unplaced: [])].placed += 1
        }
        for session in unplaced + (outsideHorizon ?? []).map(\.unplaced) {
            placements[session.requestId, default: RequestPlacement(asked: 0, placed: 0, unplaced: [])].unplaced
                .append(session)
        }
        return placements.mapValues {
            RequestPlacement(
                asked: $0.placed + $0.unplaced.count, placed: $0.placed,
                unplaced: $0.unplaced.sorted { $0.session < $1.session })
        }
    }
}

extension PlanResult {
    /// Preferences (soft constraints) the proposal does not fully meet, largest weighted penalty first.
    public var preferencesNotMet: [ConstraintScore] {
        constraints.filter { $0.level == "soft" && $0.penalty > 0 }.sorted { $0.weighted > $1.weighted }
    }

    /// Sessions within the horizon: those placed and those that did not fit.
    public var sessionsWithinHorizon: Int { sessions - (outsideHorizon?.count ?? 0) }
}
