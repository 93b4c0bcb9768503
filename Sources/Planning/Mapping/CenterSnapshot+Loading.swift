import Access
public import Database
public import Dates
import Domain
public import Foundation
import Repositories
import Service

extension CenterSnapshot {
    /// Reads a center for a run over `first`…`last`.
    /// - Parameters:
    ///   - requestIds: the requests to place; `nil`: every submitted or planned request whose dates
    ///     meet the horizon. Seat requests listed bring their course; a course brings its seat requests.
    /// - Throws: ``ServiceError``: `.notFound` for an unknown center, `.invalid` naming
    ///   `requestIds/i` for a request of another center or in a state that cannot be planned.
    public static func load(
        centerId: UUID, first: CalendarDate, last: CalendarDate, requestIds: [UUID]?, on connection: Connection
    ) throws -> CenterSnapshot {
        guard let center = try CenterRepository().find(id: centerId, on: connection) else {
            throw ServiceError.notFound(entity: "center")
        }
        let periods = try PeriodRepository().schedule(centerId: centerId, on: connection)
        let grid = SlotGrid(
            first: first, last: last,
            slotMinutes: SlotGrid.slotMinutes(centerSlotMinutes: center.slotMinutes, periods: periods),
            timeZone: center.zone)
        let (from, to) = (grid.instant(ofSlot: 0), grid.instant(ofSlot: grid.days * grid.slotsPerDay - 1))
        let resources = try Paging.all {
            try ResourceRepository().list(centerId: centerId, limit: $0, offset: $1, on: connection)
        }
        let maintenance = try MaintenanceRepository().list(
            centerId: centerId, from: from, to: to.addingTimeInterval(86_400), on: connection)
        let bookings = try Paging.all {
            try BookingRepository().list(
                centerId: centerId, from: from, to: to.addingTimeInterval(86_400), status: .confirmed, limit: $0,
                offset: $1, on: connection)
        }
        let (requests, seats) = try plannedRequests(centerId, grid: grid, ids: requestIds, on: connection)
        let cohortIds = requests.compactMap(\.cohortId) + bookings.flatMap(\.cohortIds)
        var snapshot = CenterSnapshot(
            center: center, grid: grid,
            calendar: try CalendarRepository().termCalendar(
                centerId: centerId, from: grid.origin, to: last, on: connection),
            policy: try PolicyRepository().policy(centerId: centerId, on: connection), resources: resources,
            instructors: try Paging.all {
                try PeopleRepository().instructors(centerId: centerId, limit: $0, offset: $1, on: connection)
            },
            cohorts: try ScheduleRepository().cohorts(ids: Array(Set(cohortIds)), on: connection),
            maintenance: maintenance,
            bookings: bookings, links: try ScheduleRepository().links(bookingIds: bookings.map(\.id), on: connection),
            requests: requests, seatRequests: seats,
            terms: Dictionary(
                uniqueKeysWithValues: try TermRepository().list(centerId: centerId, on: connection).map { ($0.id, $0) })
        )
        snapshot.periods = periods
        snapshot.quotas = try QuotaRepository().windows(
            centerId: centerId, holding: grid.horizonDays.map { grid.instant(ofSlot: $0 * grid.slotsPerDay) },
            replanned: requests.map(\.id), on: connection)
        snapshot.confirmedRuns = try confirmedRuns(of: bookings, planned: Set(requests.map(\.id)), on: connection)
        return snapshot
    }

    /// The course offerings and other requests to place, and the seat requests of those courses.
    /// Only requests whose dates meet the horizon (or that `ids` lists) are read, then their courses
    /// and seats.
    private static func plannedRequests(
        _ centerId: UUID, grid: SlotGrid, ids: [UUID]?, on connection: Connection
    ) throws -> ([Request], [Request]) {
        let repository = RequestRepository()
        var chosen: [Request]
        if let ids {
            let found = try repository.withIds(ids, centerId: centerId, states: plannableStates, on: connection)
            try checkPlannable(ids, among: found, centerId: centerId, on: connection)
            chosen = found
        } else {
            // the columns may reach a little further than the request's window: filter by the window itself
            chosen = try repository.meeting(
                centerId: centerId, first: grid.first, last: grid.last, states: plannableStates, on: connection
            ).filter { request in
                guard request.state != .waitListed, let window = request.window(horizonEnd: grid.last) else {
                    return false
                }
                return window.lowerBound <= grid.last && grid.first <= window.upperBound
            }
        }
        // a seat request brings its course; a course brings all its seat requests; oldest first: seat
        // requests are wait-listed in the order they were made
        let offeringIds = chosen.map { $0.courseRequestId ?? $0.id }
        let all = try repository.withIds(
            offeringIds, orSeatsIn: offeringIds, centerId: centerId, states: plannableStates, on: connection)
        let offerings = Set(all.filter { $0.courseRequestId == nil }.map(\.id))
        let seats = all.filter { $0.courseRequestId.map(offerings.contains) ?? false }
        return (all.filter { $0.courseRequestId == nil }, seats)
    }
}

extension CenterSnapshot {
    /// Checks that every request listed is the center's and in a state that can be planned.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `requestIds/i`.
    public static func checkPlannable(_ ids: [UUID], centerId: UUID, on connection: Connection) throws {
        let candidates = try ids.compactMap { try RequestRepository().find(id: $0, on: connection) }
        try checkPlannable(
            ids, among: candidates.filter { plannableStates.contains($0.state) }, centerId: centerId, on: connection)
    }

    private static func checkPlannable(
        _ ids: [UUID], among candidates: [Request], centerId: UUID, on connection: Connection
    ) throws {
        for (index, id) in ids.enumerated()
        where !candidates.contains(where: { $0.id == id && $0.centerId == centerId }) {
            let exists = try RequestRepository().find(id: id, on: connection).map { $0.centerId == centerId } ?? false
            throw ServiceError.invalid(
                DomainError(
                    field: "requestIds/\(index)", rule: exists ? "plannable" : "exists",
                    message: exists
                        ? "The request \(id) is not submitted, planned or wait-listed, so it cannot be planned."
                        : "The center has no request \(id)."))
        }
    }
}

extension Request {
    /// The class or group of a training or upskilling request.
    var cohortId: UUID? {
        switch details {
        case .studentTraining(let training): training.cohortId
        case .employeeUpskilling(let upskilling): upskilling.cohortId
        case .sharedEmployee, .pilotProduction: nil
        }
    }

    /// The course a seat request is for.
    var courseRequestId: UUID? {
        if case .sharedEmployee(let shared) = details { return shared.courseRequestId }
        return nil
    }
}

extension CenterSnapshot {
    /// The details of the pilot runs that confirmed pilot bookings serve, other than the requests
    /// being planned, when they ask for an exclusive hall or a changeover: one statement per run.
    static func confirmedRuns(
        of bookings: [Booking], planned: Set<UUID>, on connection: Connection
    ) throws -> [UUID: PilotProductionDetails] {
        let ids = Set(bookings.filter { $0.category == .pilotProduction }.compactMap(\.requestId)).subtracting(planned)
        var runs: [UUID: PilotProductionDetails] = [:]
        for id in ids.sorted(by: { $0.uuidString < $1.uuidString }) {
            guard let request = try RequestRepository().find(id: id, on: connection),
                case .pilotProduction(let details) = request.details,
                details.exclusiveHall == true || (details.changeoverBeforeMinutes ?? 0) > 0
                    || (details.changeoverAfterMinutes ?? 0) > 0
            else { continue }
            runs[id] = details
        }
        return runs
    }
}
