// Publishing, in one transaction under the center's advisory lock:
//
//   lock the plan; authorize the caller (a manager of its center); it must have succeeded with no
//   hard constraint broken
//   lock its requests; any whose version moved since the run       → conflict
//   read the center again and map it as the run did, the bookings it displaces pinned at their
//   make-up; put the proposal in:
//     a displaced booking changed since the run, its make-up's day closed or its hours no longer open,
//     or its make-up no longer free                                         → conflict
//     a session gone, or a start / resource / instructor no longer allowed  → conflict
//     a session breaking a hard constraint against today's bookings        → conflict (with those bookings)
//   any conflict: 409 with the list, nothing written
//   cancel the published bookings of sessions that move or drop out; move displaced bookings to their
//   make-up (PlanService+Displace.swift); write the new ones through
//   BookingRepository (PostgreSQL's exclusion constraints referee) and link them to their sessions;
//   one audit row per booking cancelled or written
//   requests: placed → planned; none placed → back to submitted (when planned); SME seats granted →
//   planned, none → wait-listed with the reason — each through RequestService.transition (audited)
//   the plan → published (audited)

public import Access
import Allocator
import Database
public import Domain
public import Foundation
import Repositories
import Service

extension PlanService {
    /// Publishes a succeeded run (see the steps above).
    /// - Throws: ``ServiceError/planStale(_:)`` listing what changed since the run; ``ServiceError``: `.notFound`,
    ///   `.forbidden` unless the caller manages the center, `.conflict` when the plan is not a
    ///   feasible succeeded run.
    public func publish(_ planId: UUID, as caller: Principal) async throws -> Plan {
        let plans = plans
        return try await database.withTransaction { connection in
            guard let plan = try plans.find(id: planId, forUpdate: true, on: connection) else {
                throw ServiceError.notFound(entity: "plan")
            }
            try Policy(caller).authorize(.change, .plans(centerId: plan.centerId), entity: "plan")
            try plans.lockPublishing(centerId: plan.centerId, on: connection)
            guard plan.status == .succeeded, let result = plan.result,
                let basis = try plans.basis(planId: planId, on: connection)
            else {
                throw ServiceError.conflict(
                    "The plan is \(plan.status.rawValue); only a succeeded plan can be published.", rule: "planStatus")
            }
            guard result.score.feasible else {
                throw ServiceError.conflict(
                    "The plan breaks \(-result.score.hard) hard constraint(s); run it again before publishing.",
                    rule: "planInfeasible")
            }
            let snapshot = try Self.recheck(plan, result, basis, on: connection)
            try Self.write(plan, result, snapshot, by: caller.actor, on: connection)
            try plans.markPublished(planId: planId, on: connection)
            let published = try plans.find(id: planId, on: connection)!
            try AuditLog().record(
                caller.actor, action: "publish", entity: "plan", id: planId.uuidString,
                before: ["status": plan.status.rawValue],
                after: ["status": published.status.rawValue], on: connection)
            try NoticeRepository().write(
                .planPublished(planId: planId, centerId: plan.centerId, placed: result.placed),
                on: connection)
            return try Self.readable(published, by: caller)
        }
    }

    /// Re-reads the center and checks every assignment against it.
    /// - Returns: the snapshot read.
    /// - Throws: ``ServiceError/planStale(_:)`` when anything no longer holds.
    static func recheck(
        _ plan: Plan, _ result: PlanResult, _ basis: PlanBasis, on connection: Connection
    ) throws -> CenterSnapshot {
        let current = try RequestRepository().lock(ids: Array(basis.requestVersions.keys), on: connection)
        var versions: [UUID: (Int, String)] = [:]
        for request in current { versions[request.id] = (request.version, request.state.rawValue) }
        let changed = basis.requestVersions.sorted { $0.key.uuidString < $1.key.uuidString }.compactMap {
            id, version -> StaleAssignment? in
            guard let (now, state) = versions[id] else {
                return StaleAssignment(requestId: id, reason: "The request no longer exists.")
            }
            return now == version
                ? nil
                : StaleAssignment(
                    requestId: id,
                    reason: "The request changed since the run (version \(version) → \(now), now \(state)).")
        }
        guard changed.isEmpty else { throw ServiceError.planStale(changed) }
        var snapshot = try CenterSnapshot.load(
            centerId: plan.centerId, first: plan.horizon.from, last: plan.horizon.to,
            requestIds: Array(basis.requestVersions.keys), on: connection)
        let displacements = result.displacements ?? []
        try snapshot.moveToMakeUps(displacements)
        let planning = ProblemBuilder.build(snapshot, weights: plan.weights, displacing: false)
        let recheck = try Recheck(planning: planning).stale(result.assignments)
        if let taken = displacements.first(where: { recheck.makeUpsTaken.contains($0.bookingId) }) {
            throw ServiceError.conflict(
                "The make-up of “\(taken.title)” is no longer free; run the plan again.", rule: "makeUpTaken")
        }
        var stale = recheck.gone
        for var item in recheck.clashing {
            item.bookingIds = try clashes(item, snapshot, on: connection)
            stale.append(item)
        }
        guard stale.isEmpty else { throw ServiceError.planStale(stale) }
        return snapshot
    }

    /// Confirmed bookings, other than those the plan replaces, in the way of a stale assignment.
    private static func clashes(
        _ item: StaleAssignment, _ snapshot: CenterSnapshot, on connection: Connection
    ) throws -> [UUID] {
        guard let resource = item.resourceId, let start = item.start, let end = item.end else { return [] }
        return try BookingRepository().clashes(
            resourceIds: [resource], instructorId: nil, start: start, end: end, margin: 0, on: connection
        ).map(\.id).filter { snapshot.links[$0].map { snapshot.requests.map(\.id).contains($0.requestId) } != true }
    }
}

/// Puts a proposal into a freshly built problem and says which assignments no longer hold.
struct Recheck {
    let planning: PlanningProblem

    /// The assignments that left their session's domain (`gone`) or break a hard constraint
    /// (`clashing`, whose bookings in the way the caller looks up), and the pinned bookings that
    /// break one where they are (`makeUpsTaken`: a displaced booking's make-up taken since the run).
    func stale(
        _ assignments: [ProposedAssignment]
    ) throws -> (gone: [StaleAssignment], clashing: [StaleAssignment], makeUpsTaken: Set<UUID>) {
        let grid = planning.grid
        var solution = Solution(sessionCount: planning.problem.sessions.count)
        for (session, assignment) in planning.problem.pinned { solution.assignments[session] = assignment }
        var stale: [StaleAssignment] = []
        var placedAt: [Int: ProposedAssignment] = [:]
        for proposed in assignments {
            guard let index = planning.sessionIndex[proposed.key], let start = grid.slot(of: proposed.start),
                let resource = planning.resourceIds.firstIndex(of: proposed.resourceId)
            else {
                stale.append(StaleAssignment(proposed, reason: "The session or its resource no longer exists."))
                continue
            }
            let instructor = proposed.instructorId.flatMap { planning.instructorIds.firstIndex(of: $0) }
            let session = planning.problem.sessions[index]
            guard session.allowedStarts?.contains(start) ?? true,
                session.resourceNeed.eligibleResources?.contains(resource) ?? true,
                proposed.instructorId == nil
                    || (instructor.map { session.eligibleInstructors?.contains($0) ?? true } ?? false)
            else {
                stale.append(
                    StaleAssignment(
                        proposed,
                        reason:
                            "Its time, resource or instructor is no longer allowed (calendar, maintenance, status or certificate changed)."
                    ))
                continue
            }
            solution.assignments[index] = Assignment(
                start: start, resource: resource, instructor: instructor,
                secondInstructor: proposed.secondInstructorId.flatMap { planning.instructorIds.firstIndex(of: $0) })
            placedAt[index] = proposed
        }
        let explanation = try Explanation(problem: planning.problem, solution: solution)
        var clashing: [StaleAssignment] = []
        var makeUpsTaken: Set<UUID> = []
        for impact in explanation.sessions where impact.impact.hard > 0 {  // the score is better without it
            if case .booking(let id) = planning.origins[impact.session] { makeUpsTaken.insert(id) }
            guard let proposed = placedAt[impact.session] else { continue }
            clashing.append(
                StaleAssignment(
                    proposed,
                    reason:
                        "It clashes with the center as it is now (a resource, its workshop or machines, the instructor or the class is taken, a changeover is too short, or its organization's quota is used up)."
                ))
        }
        return (stale, clashing, makeUpsTaken)
    }
}
