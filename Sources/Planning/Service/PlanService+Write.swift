import Access
import Database
import Domain
import Foundation
import Repositories
import Service

extension PlanService {
    /// Writes a checked proposal: bookings of sessions that move or drop out are cancelled (those of
    /// sessions outside the horizon stay), displaced bookings moved to their make-ups, new ones
    /// written and linked and their quotas checked,
    /// requests moved on; an audit row for each booking and request.
    static func write(
        _ plan: Plan, _ result: PlanResult, _ snapshot: CenterSnapshot, by actor: AuditActor,
        on connection: Connection
    ) throws {
        let bookings = BookingRepository()
        let planned = Set(snapshot.requests.map(\.id))
        var published: [SessionKey: Booking] = [:]
        for booking in snapshot.bookings {
            if let key = snapshot.links[booking.id], planned.contains(key.requestId) { published[key] = booking }
        }
        let proposed = Dictionary(uniqueKeysWithValues: result.assignments.map { ($0.key, $0) })
        let outside = Set((result.outsideHorizon ?? []).map(\.key))
        for (key, booking) in published
        where !outside.contains(key) && proposed[key]?.placement != Self.placement(of: booking) {
            _ = try BookingService.cancel(booking, by: actor, on: connection)
        }
        try displace(plan, result.displacements ?? [], by: actor, on: connection)
        var written: [UUID: ProposedAssignment] = [:]
        for assignment in result.assignments
        where published[assignment.key].map(Self.placement(of:)) != assignment.placement {
            let input = NewBooking(
                organizationId: assignment.organizationId, requestId: assignment.requestId,
                category: assignment.category,
                title: assignment.title,
                start: assignment.start, end: assignment.end,
                resources: [Booking.Use(resourceId: assignment.resourceId, stations: assignment.stations)],
                instructorId: assignment.instructorId, participants: assignment.participants,
                cohortIds: assignment.cohortIds, secondInstructorId: assignment.secondInstructorId,
                group: assignment.group)
            let booking = BookingRepository.confirmed(input, title: assignment.title, centerId: plan.centerId)
            do {
                try connection.run(bookings.insertion(of: booking))
            } catch let error as DatabaseError {
                guard let refusal = BookingRefusal(error) else { throw error }
                throw ServiceError.planStale([
                    StaleAssignment(assignment, reason: "PostgreSQL refused the booking: \(refusal.sentence)")
                ])
            }
            written[booking.id] = assignment
            try ScheduleRepository().link(bookingId: booking.id, to: assignment.key, planId: plan.id, on: connection)
            try AuditLog().record(
                actor, action: "create", entity: "booking", id: booking.id.uuidString, before: nil, after: booking,
                on: connection)
        }
        do {
            try connection.run(QuotaRepository().check(bookingIds: Array(written.keys)))
        } catch let error as DatabaseError where error.sqlState == .quotaExceeded {
            // the recheck counted every quota; only a booking made while this one was written gets here
            throw ServiceError.conflict(
                "A booking made meanwhile takes an organization past a quota; run the plan again.",
                rule: "quotaMeanwhile")
        }
        try checkPilotRuns(written, on: connection)
        try moveRequests(plan, result, snapshot, by: actor, on: connection)
    }

    /// The bookings written keep every pilot run's changeover and exclusive hall (`check_pilot_runs`).
    /// - Throws: ``ServiceError/planStale(_:)`` naming the assignment refused.
    private static func checkPilotRuns(_ written: [UUID: ProposedAssignment], on connection: Connection) throws {
        guard !written.isEmpty else { return }
        do {
            try connection.run(BookingRepository().checkPilotRuns(bookingIds: Array(written.keys)))
        } catch let error as DatabaseError {
            guard let refusal = BookingRefusal(error) else { throw error }
            let named = (error.detail ?? "").split(separator: " ").compactMap { UUID(uuidString: String($0)) }
            guard let assignment = named.compactMap({ written[$0] }).first else { throw error }
            throw ServiceError.planStale([
                StaleAssignment(assignment, reason: "PostgreSQL refused the booking: \(refusal.sentence)")
            ])
        }
    }

    private static func placement(of booking: Booking) -> Placement? {
        booking.resources.first.map {
            Placement(
                start: booking.start, end: booking.end, resourceId: $0.resourceId, instructorId: booking.instructorId)
        }
    }

    /// Every request planned records its placement; a request with every session placed becomes
    /// planned, one with some placed partly planned, a planned one with nothing placed goes back to
    /// submitted; SME seat requests are planned when granted seats, wait-listed with the reason when not.
    private static func moveRequests(
        _ plan: Plan, _ result: PlanResult, _ snapshot: CenterSnapshot, by actor: AuditActor,
        on connection: Connection
    ) throws {
        func move(_ request: Request, to state: RequestState, reason: String?) throws {
            _ = try RequestService.transition(request, to: state, reason: reason, by: actor, on: connection)
        }
        let placements = result.placements
        for request in snapshot.requests {
            guard let placement = placements[request.id] else { continue }
            try RequestRepository().setPlacement(placement, of: request.id, on: connection)
            if let state = placement.state, state != request.state {
                try move(request, to: state, reason: nil)  // the placement says what is missing and why
            } else if placement.state == nil, request.state.isPlanned {
                try move(request, to: .submitted, reason: "No session fitted in plan \(plan.id).")
            }
        }
        for outcome in result.seatAllocations {
            for grant in outcome.grants {
                guard let request = snapshot.seatRequests.first(where: { $0.id == grant.requestId }) else { continue }
                if outcome.runs && grant.granted > 0 {
                    let reason =
                        grant.granted < grant.asked
                        ? "\(grant.granted) of \(grant.asked) seats granted; the rest are wait-listed." : nil
                    if !request.state.isPlanned {
                        try move(request, to: .planned, reason: reason)
                    }
                } else if request.state != .waitListed {
                    let reason =
                        outcome.reason.map { "The course does not run: \($0.en)." }
                        ?? "No seat was left; wait-listed in the order of asking."
                    try move(request, to: .waitListed, reason: reason)
                }
            }
        }
    }
}
