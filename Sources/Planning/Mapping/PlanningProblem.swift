public import Allocator
public import Domain
public import Foundation

/// A center's run as the allocator sees it, and the way back: which request session or booking
/// each allocator session stands for, and which resource, instructor and organization each index is.
public struct PlanningProblem: Sendable {
    /// What an allocator session stands for.
    public enum Origin: Sendable, Hashable {
        /// A session of a request to place.
        case request(SessionKey)
        /// A piece (one resource, one day) of a confirmed booking, pinned.
        case booking(UUID)
    }

    public var problem: Problem
    public let grid: SlotGrid
    /// By allocator session index.
    public var origins: [Origin]
    public var resourceIds: [UUID]
    public var instructorIds: [UUID]
    public var organizationIds: [UUID]
    /// Cohorts by allocator index.
    public var cohortIds: [UUID]
    /// Why a session has no candidate start, when the calendar or the horizon left it none.
    public var emptyReasons: [Int: LocalizedText]
    /// The week of each session whose week lies wholly outside the horizon (listed apart, not unplaced).
    var outsideWeeks: [Int: TrainingWeek]
    /// The requests placed, by id.
    public var requests: [UUID: Request]
    /// Per shared course (in `problem.sharedCourses` order): the offering's id and its seat requests' ids.
    public var sharedCourses: [(course: UUID, seats: [UUID])]
    /// The session index of each request session.
    public var sessionIndex: [SessionKey: Int]
    /// By session index: which group of its class a session is, for sessions of classes split into groups.
    public var groups: [Int: SessionGroup]
    /// By session index: the confirmed bookings this run may displace, with their make-up starts.
    public var displaceable: [Int: DisplaceableBooking]
    /// The center's displacement rule, when this run may displace.
    public var displacement: DisplacementRule?

    init(grid: SlotGrid, weights: SoftWeights) {
        problem = Problem(horizon: grid.horizon, weights: weights)
        self.grid = grid
        origins = []
        resourceIds = []
        instructorIds = []
        organizationIds = []
        cohortIds = []
        emptyReasons = [:]
        outsideWeeks = [:]
        requests = [:]
        sharedCourses = []
        sessionIndex = [:]
        groups = [:]
        displaceable = [:]
    }

    /// Adds a session and returns its index.
    mutating func add(_ session: Session, origin: Origin) -> Int {
        problem.sessions.append(session)
        origins.append(origin)
        let index = problem.sessions.count - 1
        if case .request(let key) = origin { sessionIndex[key] = index }
        return index
    }

    /// Sessions of requests (not pinned bookings), in order.
    public var requestSessions: [(index: Int, key: SessionKey)] {
        origins.enumerated().compactMap { index, origin in
            if case .request(let key) = origin { return (index, key) }
            return nil
        }
    }
}
