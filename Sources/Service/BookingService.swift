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

    public init(database: Database) {
        self.database = database
    }

    /// Books, or explains why not.
    /// - Throws: ``ServiceError``: `.invalid` for bad fields or resources of another center,
    ///   `.notFound` for an unknown center, `.clash` with the bookings in the way.
    public func book(_ input: NewBooking, in centerId: UUID, by actor: AuditActor = .system) async throws -> Booking {
        let (centers, resources, bookings, calendars, requests, people) = (
            centers, resources, bookings, calendars, requests, people
        )
        do throws(DomainError) { try input.checkTimes() } catch { throw ServiceError.invalid(error) }
        return try await database.withConnection { connection in
            // what every booking's checks read, in one round trip (a request, an instructor or
            // cohorts, when given, are read one statement each after it)
            let (center, calendar, found) = try connection.pipeline(
                centers.findQuery(id: centerId),
                calendars.termCalendarQuery(
                    centerId: centerId, from: CalendarDate(utcDayOf: input.start).adding(days: -1),
                    to: CalendarDate(utcDayOf: input.end).adding(days: 1)),
                resources.findQuery(ids: input.resources.map(\.resourceId)))
            guard let center else { throw ServiceError.notFound(entity: "center") }
            let zone = center.zone
            let title: String
            do throws(DomainError) {
                title = try input.validated(slotMinutes: center.slotMinutes, timeZone: zone)
                try calendar.check(start: input.start, end: input.end, category: input.category, timeZone: zone)
            } catch { throw ServiceError.invalid(error) }
            if let requestId = input.requestId {
                try Self.check(input, serves: try requests.find(id: requestId, on: connection), centerId: centerId)
            }
            if let instructorId = input.instructorId,
                try people.centerOfInstructor(instructorId, on: connection) != centerId
            {
                throw ServiceError.invalid(
                    DomainError(
                        field: "instructorId", rule: "exists", message: "The center has no instructor \(instructorId).")
                )
            }
            if let cohortIds = input.cohortIds, !cohortIds.isEmpty {
                let owners = try people.organizationsOfCohorts(cohortIds, on: connection)
                for (index, cohortId) in cohortIds.enumerated() where owners[cohortId] != input.organizationId {
                    throw ServiceError.invalid(
                        DomainError(
                            field: "cohortIds/\(index)", rule: "exists",
                            message: "The organization has no cohort \(cohortId)."))
                }
            }
            for (index, use) in input.resources.enumerated() {
                try Self.check(use, at: index, resource: found[use.resourceId], centerId: centerId)
            }
            // the writes and their audit row in one round trip, one transaction; insert_booking
            // checks cohorts, retirement and maintenance again under the locks it takes
            let booking = BookingRepository.confirmed(input, title: title, centerId: centerId)
            let audit = try AuditLog().entry(
                actor, action: "create", entity: "booking", id: booking.id.uuidString, before: nil, after: booking)
            do {
                try connection.retryingTransactionFailures {
                    try connection.pipeline(bookings.insertion(of: booking), audit)
                }
            } catch let error as DatabaseError {
                throw try Self.refusal(error, of: input, in: centerId, on: connection)
            }
            return booking
        }
    }

    /// What PostgreSQL's refusal of a booking means to the caller: 409 with the bookings in the
    /// way (read on the same connection), or 422 naming the field.
    private static func refusal(
        _ error: DatabaseError, of input: NewBooking, in centerId: UUID, on connection: Connection
    ) throws -> any Error {
        let bookings = BookingRepository()
        switch error.sqlState {
        case .exclusionViolation:
            let clashes = try bookings.clashes(
                resourceIds: input.resources.map(\.resourceId), instructorId: input.instructorId, start: input.start,
                end: input.end,
                margin: try bookings.longestChangeover(centerId: centerId, on: connection), on: connection)
            let why =
                error.constraint == "bookings_instructor_overlap"
                ? "The instructor is already booked at that time."
                : "The resources are taken at that time (changeover buffers and containing workshops included)."
            return ServiceError.clash(why, clashes)
        case .cohortBooked:
            let clashes = try bookings.cohortClashes(
                input.cohortIds ?? [], start: input.start, end: input.end, on: connection)
            return ServiceError.clash("A cohort is already booked at that time.", clashes)
        case .underMaintenance:
            return ServiceError.clash(
                "A resource, or what contains it or what it contains, is under maintenance at that time.", [])
        case .resourceRetired:
            return ServiceError.invalid(DomainError(field: "resources", rule: "active", message: error.message))
        case .foreignKeyViolation:
            return ServiceError.invalid(
                DomainError(
                    field: Self.field(forForeignKey: error.constraint), rule: "exists",
                    message: "A referenced organization, instructor or cohort does not exist."))
        default:
            return error
        }
    }

    /// A center's bookings overlapping `[from, to)`.
    public func bookings(
        in centerId: UUID, from: Date, to: Date, status: BookingStatus?, page: Page
    ) async throws -> [Booking] {
        let (centers, bookings) = (centers, bookings)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            return try bookings.list(
                centerId: centerId, from: from, to: to, status: status, limit: page.limit, offset: page.offset,
                on: connection)
        }
    }

    /// The booking, or ``ServiceError/notFound(entity:)``.
    public func booking(_ id: UUID) async throws -> Booking {
        let bookings = bookings
        guard let booking = try await database.withConnection({ try bookings.find(id: id, on: $0) }) else {
            throw ServiceError.notFound(entity: "booking")
        }
        return booking
    }

    /// Cancels a confirmed booking at the version the caller last saw.
    /// - Throws: `.notFound`, `.staleVersion` when the booking changed since `version`, or
    ///   `.conflict` when it is already cancelled.
    public func cancel(_ id: UUID, version: Int, by actor: AuditActor = .system) async throws -> Booking {
        let bookings = bookings
        return try await database.withTransaction { connection in
            // locked first, so what is read below is what the update changes
            guard try !connection.query("SELECT id FROM bookings WHERE id = \(id) FOR UPDATE").isEmpty,
                let booking = try bookings.find(id: id, on: connection)
            else { throw ServiceError.notFound(entity: "booking") }
            guard booking.version == version else { throw ServiceError.staleVersion(current: booking.version) }
            guard booking.status == .confirmed, try bookings.cancel(id: id, version: version, on: connection) else {
                throw ServiceError.conflict("The booking is already \(booking.status.rawValue).")
            }
            var cancelled = booking
            (cancelled.status, cancelled.version) = (.cancelled, booking.version + 1)
            try AuditLog().record(
                actor, action: "cancel", entity: "booking", id: id.uuidString, before: booking, after: cancelled,
                on: connection)
            return cancelled
        }
    }

    /// A booking may serve a live request of the same center, organization and category.
    private static func check(_ input: NewBooking, serves request: Request?, centerId: UUID) throws {
        guard let request, request.centerId == centerId, request.organizationId == input.organizationId,
            request.category == input.category
        else {
            throw ServiceError.invalid(
                DomainError(
                    field: "requestId", rule: "matchingRequest",
                    message:
                        "The center has no \(input.category.rawValue) request \(input.requestId!) of that organization."
                ))
        }
        guard [.submitted, .planned, .confirmed].contains(request.state) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "requestId", rule: "liveRequest",
                    message:
                        "The request is \(request.state.rawValue); only a submitted, planned or confirmed request is booked."
                ))
        }
    }

    private static func check(_ use: Booking.Use, at index: Int, resource: Resource?, centerId: UUID) throws {
        guard let resource, resource.centerId == centerId else {
            throw ServiceError.invalid(
                DomainError(
                    field: "resources/\(index)/resourceId", rule: "exists",
                    message: "The center has no resource \(use.resourceId)."))
        }
        guard resource.status == .active else {
            throw ServiceError.invalid(
                DomainError(
                    field: "resources/\(index)/resourceId", rule: "active", message: "\(resource.name) is retired."))
        }
        if let stations = use.stations {
            guard resource.kind == .workstationPool else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "resources/\(index)/stations", rule: "poolOnly",
                        message: "Only a workstation pool is booked by stations; \(resource.name) is booked whole."))
            }
            guard stations <= resource.seats else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "resources/\(index)/stations", rule: "range",
                        message: "\(resource.name) has \(resource.seats) stations, not \(stations)."))
            }
        }
    }

    private static func field(forForeignKey constraint: String?) -> String {
        switch constraint {
        case "bookings_organization_id_fkey": "organizationId"
        case "bookings_instructor_id_fkey": "instructorId"
        default: "cohortIds"
        }
    }
}
