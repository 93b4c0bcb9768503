import Allocator
import Domain
import Foundation

/// Turns a solved ``PlanningProblem`` back into the center's terms: bookings to write, unplaced
/// sessions with reasons, the score by constraint, seat grants, and the diff from what is published.
struct ProposalReader {
    let planning: PlanningProblem
    let snapshot: CenterSnapshot

    /// The proposal of a solve.
    func result(of solve: SolverResult, explanation: Explanation) -> PlanResult {
        let requestSessions = planning.requestSessions
        let assignments = requestSessions.compactMap { index, key in
            solve.solution.assignments[index].map { proposed(key, index, $0) }
        }
        let before = published()
        var unplaced: [UnplacedSession] = []
        var outside: [OutsideHorizonSession] = []
        for item in explanation.unplaced {
            guard case .request(let key) = planning.origins[item.session] else { continue }
            if let week = planning.outsideWeeks[item.session] {
                outside.append(
                    OutsideHorizonSession(
                        requestId: key.requestId, session: key.session, name: item.name, week: week.number,
                        first: week.dates.first!, last: week.dates.last!))
                continue
            }
            let reasons = planning.emptyReasons[item.session].map { [$0] } ?? item.reasons.map(LocalizedText.init)
            unplaced.append(
                UnplacedSession(requestId: key.requestId, session: key.session, name: item.name, reasons: reasons))
        }
        let displacements = displacements(in: solve.solution, assignments: assignments)
        return PlanResult(
            score: PlanScore(hard: solve.score.hard, medium: solve.score.medium, soft: solve.score.soft),
            sessions: requestSessions.count, placed: assignments.count,
            pinnedBookings: Set(planning.origins.compactMap { if case .booking(let id) = $0 { id } else { nil } })
                .count - displacements.count,
            assignments: assignments, unplaced: unplaced, outsideHorizon: outside,
            constraints: explanation.constraints.map {
                ConstraintScore(
                    constraint: $0.constraint.rawValue, level: $0.constraint.level.rawValue, penalty: $0.penalty,
                    weighted: $0.weighted)
            },
            seatAllocations: seats(solve.seatAllocations),
            diff: diff(assignments, before: before, outside: Set(outside.map(\.key))),
            steps: solve.steps, movesEvaluated: solve.movesEvaluated, seconds: solve.elapsed / .seconds(1),
            displacements: displacements)
    }

    /// The bookings the solution moves to a make-up, with the categories of the sessions placed in
    /// their time.
    private func displacements(in solution: Solution, assignments: [ProposedAssignment]) -> [Displacement] {
        let displacing = Set(planning.displacement?.by ?? [])
        return planning.displaceable.sorted { $0.key < $1.key }.compactMap { index, displaceable in
            guard let moved = solution.assignments[index], moved != displaceable.original else { return nil }
            let booking = displaceable.booking
            let shift = planning.grid.instant(ofSlot: moved.start)
                .timeIntervalSince(planning.grid.instant(ofSlot: displaceable.original.start))
            let by = assignments.filter {
                displacing.contains($0.category) && $0.start < booking.end && booking.start < $0.end
            }.map(\.category)
            let was = Placement(
                start: booking.start, end: booking.end, resourceId: booking.resources[0].resourceId,
                instructorId: booking.instructorId)
            var makeUp = was
            (makeUp.start, makeUp.end) = (booking.start + shift, booking.end + shift)
            return Displacement(
                bookingId: booking.id, version: booking.version, title: booking.title, category: booking.category,
                organizationId: booking.organizationId, requestId: booking.requestId, cohortIds: booking.cohortIds,
                was: was, makeUp: makeUp,
                by: Domain.Category.allCases.filter { (by.isEmpty ? displacing : Set(by)).contains($0) })
        }
    }

    /// The booking an assignment of a request's session stands for.
    func proposed(_ key: SessionKey, _ index: Int, _ assignment: Assignment) -> ProposedAssignment {
        let session = planning.problem.sessions[index]
        let request = planning.requests[key.requestId]!
        let resource = snapshot.resources[assignment.resource]
        let group = planning.groups[index]
        let title = group.map { session.name.replacingOccurrences(of: $0.suffix, with: "") } ?? session.name
        return ProposedAssignment(
            requestId: key.requestId, session: key.session, title: title, category: request.category,
            organizationId: request.organizationId, start: planning.grid.instant(ofSlot: assignment.start),
            end: planning.grid.instant(ofSlot: assignment.start + session.duration(at: assignment.start)),
            resourceId: resource.id,
            stations: resource.kind == .workstationPool ? session.resourceNeed.units : nil,
            instructorId: assignment.instructor.map { planning.instructorIds[$0] },
            secondInstructorId: assignment.secondInstructor.map { planning.instructorIds[$0] },
            cohortIds: session.cohorts.map { planning.cohortIds[$0] }.reduce(into: []) { ids, id in
                if !ids.contains(id), snapshot.cohorts[id] != nil { ids.append(id) }
            },
            participants: session.participants, group: group)
    }

    private func seats(_ allocations: [SeatAllocation]) -> [SeatOutcome] {
        allocations.map { allocation in
            let (course, seatRequests) = planning.sharedCourses[allocation.course]
            return SeatOutcome(
                courseRequestId: course, seatsOffered: allocation.seatsOffered, runs: allocation.runs,
                reason: allocation.reason.map(LocalizedText.init),
                grants: zip(seatRequests, allocation.grants).map { id, grant in
                    SeatOutcome.Grant(
                        requestId: id, organizationId: planning.organizationIds[grant.organization], asked: grant.asked,
                        granted: grant.granted)
                })
        }
    }

    /// The published placement of every session being planned that has one.
    func published() -> [SessionKey: Placement] {
        var placements: [SessionKey: Placement] = [:]
        for booking in snapshot.bookings {
            guard let key = snapshot.links[booking.id], planning.requests[key.requestId] != nil,
                let use = booking.resources.first
            else { continue }
            placements[key] = Placement(
                start: booking.start, end: booking.end, resourceId: use.resourceId, instructorId: booking.instructorId)
        }
        return placements
    }

    /// The proposal against `before`; sessions `outside` the horizon keep their bookings, so they
    /// are never removed.
    private func diff(
        _ assignments: [ProposedAssignment], before: [SessionKey: Placement], outside: Set<SessionKey>
    ) -> PlanDiff {
        var diff = PlanDiff(added: [], moved: [], removed: [], unchanged: 0)
        var seen: Set<SessionKey> = []
        for assignment in assignments {
            seen.insert(assignment.key)
            guard let old = before[assignment.key] else {
                diff.added.append(assignment.key)
                continue
            }
            if old == assignment.placement {
                diff.unchanged += 1
            } else {
                diff.moved.append(
                    PlanDiff.Move(
                        requestId: assignment.requestId, session: assignment.session, from: old,
                        to: assignment.placement))
            }
        }
        diff.removed = before.keys.filter { !seen.contains($0) && !outside.contains($0) }.sorted()
        return diff
    }
}

extension LocalizedText {
    /// The allocator's reason in the center's two languages.
    init(_ reason: Reason) { self.init(en: reason.english, zh: reason.chinese) }
}
