public import Access
public import Database
import Dates
public import Domain
public import Foundation
import Repositories

/// Direct booking: a manager's "these resources, this instructor, this time", answered at once.
/// PostgreSQL referees clashes (see `sql/0008_bookings.sql`; `sql/0013_booking_in_one_statement.sql` for `insert_booking`); this turns its verdict into
/// the list of bookings that stood in the way.
public struct BookingService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let resources = ResourceRepository()
    let bookings = BookingRepository()
    let calendars = CalendarRepository()
    let requests = RequestRepository()
    let people = PeopleRepository()
    /// The clock of the "no past times" rule; tests fix it in the term their bookings fall in.
    let now: @Sendable () -> Date

    /// - Parameter now: the clock a person's booking must not start before.
    public init(database: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Books, or explains why not. The caller must be allowed to create work of that organization
    /// and category at the center (its managers; a coordinator for their own organization).
    /// - Throws: ``ServiceError``: `.forbidden` first, then `.invalid` for bad fields or resources
    ///   of another center, `.notFound` for an unknown center, `.clash` with the bookings in the way
    ///   as the caller may see them, `.quotaExceeded` when it takes the organization past a quota.
    public func book(_ input: NewBooking, in centerId: UUID, as caller: Principal) async throws -> Booking {
        do {
            let booking = try await place(input, in: centerId, as: caller)
            ServiceMetrics.bookingMade(booking)
            return booking
        } catch let error as ServiceError {
            ServiceMetrics.bookingRefused(error)
            throw error
        }
    }

    /// ``book(_:in:as:)`` without its counting.
    private func place(_ input: NewBooking, in centerId: UUID, as caller: Principal) async throws -> Booking {
        // whether the caller may create this work depends on the input alone: decided before any read
        try Policy(caller).authorize(
            .create, .work(Work(centerId: centerId, organizationId: input.organizationId, category: input.category)),
            entity: "booking")
        if input.periods == nil {
            do throws(DomainError) { try input.checkTimes() } catch { throw ServiceError.invalid(error) }
        }
        return try await database.withConnection { connection in
            let input = try self.resolvingPeriods(input, in: centerId, on: connection)
            let booking = try self.checked(input, in: centerId, as: caller, on: connection)
            // the writes and their audit row in one round trip, one transaction
            do {
                try connection.retryingTransactionFailures {
                    try connection.pipeline(
                        BookingRepository().insertion(of: booking), QuotaRepository().check(bookingIds: [booking.id]),
                        BookingRepository().checkPilotRuns(bookingIds: [booking.id]),
                        try Self.audit(booking, by: caller))
                }
            } catch let error as DatabaseError {
                if let quota = try Self.quotaRefusal(error, at: input.start, on: connection) { throw quota }
                guard let refusal = BookingRefusal(error) else { throw error }
                throw try Self.refusal(refusal, error, of: input, in: centerId, as: caller, on: connection)
            }
            return booking
        }
    }

    /// Checks `input` (its time already resolved) at the center as a booking of `caller`, and
    /// makes the confirmed booking writing it would store; `insert_booking` checks cohorts,
    /// retirement and maintenance again under the locks it takes.
    /// - Parameter moving: the booking being moved (its own hours do not count against a cap).
    /// - Throws: ``ServiceError``: `.notFound` for an unknown center, `.invalid` naming the field.
    func checked(
        _ input: NewBooking, in centerId: UUID, as caller: Principal, moving: UUID? = nil, on connection: Connection
    ) throws
        -> Booking
    {
        // what every booking's checks read, in one round trip (a request, an instructor or
        // cohorts, when given, are read one statement each after it)
        let (center, calendar, found, periods, throughClosures) = try connection.pipeline(
            centers.findQuery(id: centerId),
            calendars.termCalendarQuery(
                centerId: centerId, from: CalendarDate(utcDayOf: input.start).adding(days: -1),
                to: CalendarDate(utcDayOf: input.end).adding(days: 1)),
            resources.findQuery(ids: input.resources.map(\.resourceId)),
            PeriodRepository().scheduleQuery(centerId: centerId),
            PolicyRepository().pilotRunsThroughClosuresQuery(centerId: centerId))
        guard let center else { throw ServiceError.notFound(entity: "center") }
        let zone = center.zone
        let title: String
        do throws(DomainError) {
            title = try input.validated(
                slotMinutes: center.slotMinutes, timeZone: zone, periodBoundaries: periods.boundaries)
            try calendar.check(
                start: input.start, end: input.end, category: input.category, timeZone: zone,
                pilotThroughClosures: throughClosures)
        } catch { throw ServiceError.invalid(error) }
        try checkForPeople(input, center: center, resources: found, as: caller, on: connection)
        try checkReferences(of: input, in: centerId, on: connection)
        try checkLeave(of: input, timeZone: zone, on: connection)
        try checkClassFreeTimes(of: input, calendar: calendar, timeZone: zone, on: connection)
        try checkTeaching(
            of: input, center: center, calendar: calendar, resources: found, as: caller, moving: moving,
            on: connection)
        for (index, use) in input.resources.enumerated() {
            try Self.check(use, at: index, resource: found[use.resourceId], centerId: centerId)
        }
        return BookingRepository.confirmed(input, title: title, centerId: centerId)
    }

    /// The audit row of a booking made by `caller`.
    static func audit(_ booking: Booking, by caller: Principal) throws -> Query<Void> {
        try AuditLog().entry(
            caller.actor, action: "create", entity: "booking", id: booking.id.uuidString, before: nil, after: booking)
    }

    /// What PostgreSQL's refusal of a booking means to the caller: 409 with the bookings in the
    /// way (read on the same connection, shown as the caller may see them), or 422 naming the field.
    /// - Parameters:
    ///   - error: the database's refusal, which names the pilot run's booking or the one in its way.
    ///   - excluded: a booking being moved, never in its own way.
    static func refusal(
        _ refusal: BookingRefusal, _ error: DatabaseError, of input: NewBooking, in centerId: UUID,
        as caller: Principal,
        on connection: Connection, except excluded: UUID? = nil
    ) throws -> ServiceError {
        guard refusal.isClash else {
            let rule = refusal == .resourceRetired ? "active" : "exists"
            return .invalid(DomainError(field: refusal.field ?? "resources", rule: rule, message: refusal.sentence))
        }
        let bookings = BookingRepository()
        let inTheWay: [Booking]
        switch refusal {
        case .resourcesTaken, .instructorTaken:
            inTheWay = try bookings.clashes(
                resourceIds: input.resources.map(\.resourceId), instructorId: input.instructorId, start: input.start,
                end: input.end, margin: try bookings.longestChangeover(centerId: centerId, on: connection),
                on: connection)
        case .cohortAlreadyBooked:
            inTheWay = try bookings.cohortClashes(
                input.cohortIds ?? [], start: input.start, end: input.end, on: connection)
        case .pilotRunChangeover, .hallOfPilotRun:
            inTheWay = try bookings.pilotRunClash(error, on: connection)
        default:
            inTheWay = []
        }
        return .clash(
            refusal.sentence, try BookingDisclosure(caller).show(inTheWay.filter { $0.id != excluded }, on: connection))
    }
}
