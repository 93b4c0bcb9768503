// Mapping a center onto the allocator:
//
//   grid      ← the horizon's days (from the Monday before it), whole local days of slots
//   resources ← every resource; capacity = stations of a pool, else 1; unavailable = closed hours,
//               days outside the horizon, maintenance (also above and below), retired; changeover
//               buffers from the policy's rules for the resource's kind
//   instructors ← skills, weekly cap in slots, unavailable outside the weekly availability of the
//               day's timetable weekday (调休 make-up days follow the weekday they stand for)
//   bookings  ← confirmed bookings not held by a request being planned: one pinned session per
//               resource and day; the slots they cover stay open to them; those the center's
//               displacement rule lets this run move, movable (ProblemBuilder+Displacement.swift)
//   requests  ← sessions and series by category (see ProblemBuilder+Requests.swift; pilot runs in
//               ProblemBuilder+PilotRuns.swift), groups and two instructors (ProblemBuilder+Groups.swift)
//   quotas    ← per quota window meeting the horizon: the slots left after the bookings the run keeps,
//               for the sessions of the quota's organization on the resources it covers (hard)
//   previous  ← the published bookings of the requests being planned, for least change
//   policy    ← category shares and soft weights (the run's weights override the center's)

import Allocator
import Dates
import Domain
import Foundation

/// Builds the ``PlanningProblem`` of a ``CenterSnapshot`` (see the mapping above). Pure: no I/O.
struct ProblemBuilder {
    let snapshot: CenterSnapshot
    var planning: PlanningProblem
    let resourceIndex: [UUID: Int]
    let instructorIndex: [UUID: Int]
    var cohortIndex: [UUID: Int] = [:]
    var organizationIndex: [UUID: Int] = [:]
    /// Slots each resource's pinned bookings cover: open to them whatever the calendar says.
    var pinnedResourceSlots: [Int: Set<Int>] = [:]
    var pinnedInstructorSlots: [Int: Set<Int>] = [:]
    /// Slots pilot runs in shifts may take on each resource: open to them whatever the opening hours say.
    var runSlots: [Int: Set<Int>] = [:]
    /// The weekly series of groups 2, 3, … of a request's series (see ProblemBuilder+Groups.swift).
    var groupSeriesIndex: [GroupSeriesKey: Int] = [:]
    /// By session index: the part of its class a group takes while its siblings meet at the same time.
    var classParts: [Int: ClassPart] = [:]
    /// Whether the center's displacement rule applies (not when publishing rechecks a proposal).
    let displacing: Bool

    /// Maps a snapshot onto the allocator.
    /// - Parameters:
    ///   - weights: the run's overrides of the center's weights.
    ///   - displacing: whether bookings the center's displacement rule covers may move (a run), or
    ///     stay pinned (publishing's recheck, which pins displaced bookings at their make-up).
    static func build(_ snapshot: CenterSnapshot, weights: PlanWeights?, displacing: Bool = true) -> PlanningProblem {
        var builder = ProblemBuilder(snapshot, weights: weights, displacing: displacing)
        builder.planning.displacement = builder.displacementRule
        builder.addPinnedBookings()
        for request in snapshot.requests { builder.add(request) }
        builder.splitClassesIntoParts()
        builder.addQuotas()
        builder.planning.problem.resources = builder.resources()
        builder.planning.problem.instructors = builder.instructors()
        builder.addPrevious()
        builder.planning.problem.categoryPolicy = builder.categoryPolicy()
        return builder.planning
    }

    private init(_ snapshot: CenterSnapshot, weights: PlanWeights?, displacing: Bool) {
        self.snapshot = snapshot
        self.displacing = displacing
        let policy = snapshot.policy.weights
        planning = PlanningProblem(grid: snapshot.grid, weights: SoftWeights(weights?.applied(to: policy) ?? policy))
        planning.resourceIds = snapshot.resources.map(\.id)
        planning.instructorIds = snapshot.instructors.map(\.id)
        resourceIndex = Dictionary(uniqueKeysWithValues: snapshot.resources.enumerated().map { ($1.id, $0) })
        instructorIndex = Dictionary(uniqueKeysWithValues: snapshot.instructors.enumerated().map { ($1.id, $0) })
        for request in snapshot.requests { planning.requests[request.id] = request }
    }

    /// The allocator index of an organization, added on first use.
    mutating func organization(_ id: UUID) -> Int {
        if let index = organizationIndex[id] { return index }
        planning.organizationIds.append(id)
        planning.problem.organizations.append(id.uuidString.lowercased())
        organizationIndex[id] = planning.organizationIds.count - 1
        return planning.organizationIds.count - 1
    }

    /// The allocator index of a cohort, added on first use; `nil` when the cohort is unknown.
    mutating func cohort(_ id: UUID) -> Int? {
        if let index = cohortIndex[id] { return index }
        guard let cohort = snapshot.cohorts[id] else { return nil }
        planning.cohortIds.append(id)
        planning.problem.cohorts.append(Allocator.Cohort(name: cohort.name))
        cohortIndex[id] = planning.cohortIds.count - 1
        return planning.cohortIds.count - 1
    }

    /// A cohort of a course's own participants, keyed by the request's id: not a class, so its
    /// bookings do not name it (``ProposalReader`` keeps only known cohorts).
    mutating func courseCohort(_ request: Request) -> Int {
        if let index = cohortIndex[request.id] { return index }
        planning.cohortIds.append(request.id)
        planning.problem.cohorts.append(Allocator.Cohort(name: request.title))
        cohortIndex[request.id] = planning.cohortIds.count - 1
        return planning.cohortIds.count - 1
    }

    /// Slots needed for `minutes`, rounded up to the grid.
    func slots(minutes: Int) -> Int {
        max(1, (minutes + snapshot.grid.slotMinutes - 1) / snapshot.grid.slotMinutes)
    }

    private func categoryPolicy() -> CategoryPolicy {
        var policy = CategoryPolicy()
        for share in snapshot.policy.shares {
            policy.setShare(share.category.session, minimumPercent: share.minPercent, maximumPercent: share.maxPercent)
        }
        return policy
    }
}

extension Domain.Category {
    /// The allocator's name for the category.
    var session: SessionCategory { SessionCategory(rawValue: rawValue)! }
}

extension SoftWeights {
    /// The allocator's weights for a center's (or a run's) weights.
    init(_ weights: PolicyWeights) {
        self.init(
            preferredTime: weights[.preferredTime], seriesTimeStability: weights[.seriesTimeStability],
            roomStability: weights[.roomStability], minimumDays: weights[.minimumDays],
            categoryShare: weights[.categoryShare],
            organizationFairness: weights[.organizationFairness], roomSize: weights[.roomSize],
            isolatedSlot: weights[.isolatedSlot],
            leastChange: weights[.leastChange])
    }
}
