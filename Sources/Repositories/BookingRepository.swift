public import Database
public import Domain
public import Foundation

/// Reads and writes bookings, their resources and cohorts, and the blocks the exclusion
/// constraints referee (see `sql/0008_bookings.sql`; `sql/0013_booking_in_one_statement.sql` for `insert_booking`).
public struct BookingRepository: Sendable {
    public init() {}

    /// The confirmed booking `input` makes, under a fresh id, as it reads back from the database
    /// (resources and cohorts in id order).
    public static func confirmed(_ input: NewBooking, title: String, centerId: UUID) -> Booking {
        func lowercased(_ id: UUID) -> String { id.uuidString.lowercased() }
        return Booking(
            id: UUID(), centerId: centerId, organizationId: input.organizationId, requestId: input.requestId,
            category: input.category,
            title: title, start: input.start, end: input.end,
            resources: input.resources.sorted { lowercased($0.resourceId) < lowercased($1.resourceId) },
            instructorId: input.instructorId, participants: input.participants ?? 0,
            cohortIds: (input.cohortIds ?? []).sorted { lowercased($0) < lowercased($1) },
            status: .confirmed, version: 1, secondInstructorId: input.secondInstructorId, group: input.group)
    }

    /// Writes a confirmed booking with its resources, cohorts and blocks: one statement
    /// (`insert_booking`, `sql/0019_groups_and_two_instructors.sql`), which locks the cohorts and resources and
    /// checks them again under the locks.
    /// Running it throws ``DatabaseError``: 23P01 when it clashes with another booking (constraint
    /// `booking_blocks_occupancy`, `booking_blocks_changeover`, `bookings_instructor_overlap` or
    /// `booking_instructors_overlap`),
    /// ``SQLState/cohortBooked``, ``SQLState/resourceRetired`` or ``SQLState/underMaintenance``.
    public func insertion(of booking: Booking) -> Query<Void> {
        let during = TimeRange(lower: booking.start, upper: booking.end)!
        let resourceIds = booking.resources.map { $0.resourceId.uuidString.lowercased() }
        let stations = booking.resources.map { String($0.stations ?? 0) }
        let cohortIds = booking.cohortIds.map { $0.uuidString.lowercased() }
        return Query(
            """
            SELECT insert_booking(\(booking.id), \(booking.centerId), \(booking.organizationId), \(booking.requestId),
                                  \(booking.category.rawValue)::category, \(booking.title), \(during), \(booking.instructorId),
                                  \(booking.participants)::int4, \(resourceIds)::uuid[], \(stations)::int4[], \(cohortIds)::uuid[],
                                  \(booking.secondInstructorId), \(booking.group?.number)::int4, \(booking.group?.count)::int4)
            """)
    }

    /// The booking with this id, with its resources and cohorts.
    public func find(id: UUID, on connection: Connection) throws -> Booking? {
        try list(where: "b.id = \(id)", limit: 1, offset: 0, on: connection).first
    }

    /// A center's bookings that overlap `[from, to)`, by start time.
    public func list(
        centerId: UUID, from: Date, to: Date, status: BookingStatus?, limit: Int, offset: Int, on connection: Connection
    ) throws -> [Booking] {
        var condition: SQL = "b.center_id = \(centerId) AND b.during && tstzrange(\(from), \(to))"
        if let status { condition.append(" AND b.status = \(status.rawValue)::booking_status") }
        return try list(where: condition, limit: limit, offset: offset, on: connection)
    }

    /// Bookings on a resource, on anything it contains or on anything that contains it, that
    /// overlap `[from, to)`: the timetable of that resource.
    public func list(
        resourceId: UUID, from: Date, to: Date, limit: Int, offset: Int, on connection: Connection
    ) throws -> [Booking] {
        try list(
            where: """
                b.status = 'confirmed' AND b.during && tstzrange(\(from), \(to)) AND EXISTS (
                    SELECT 1 FROM booking_blocks k
                    WHERE k.booking_id = b.id AND k.purpose = 'occupancy' AND k.resource_id = \(resourceId))
                """,
            limit: limit, offset: offset, on: connection)
    }

    /// Confirmed bookings on a resource (or anything inside it) that end after `after`.
    public func future(onResource resourceId: UUID, after: Date, on connection: Connection) throws -> [Booking] {
        try list(
            where: """
                b.status = 'confirmed' AND upper(b.during) > \(after) AND EXISTS (
                    SELECT 1 FROM booking_blocks k
                    WHERE k.booking_id = b.id AND k.purpose = 'occupancy' AND k.resource_id = \(resourceId))
                """,
            limit: 50, offset: 0, on: connection)
    }

    /// Confirmed bookings that occupy these resources, what contains them or what they contain
    /// within `margin` seconds of `[start, end)`, or hold the instructor then: what a refused
    /// booking clashed with. Driven by the blocks' and the instructor's GiST indexes, so it reads
    /// only the few bookings on those resources, however full the center's day is.
    public func clashes(
        resourceIds: [UUID], instructorId: UUID?, start: Date, end: Date, margin: TimeInterval,
        on connection: Connection
    ) throws -> [Booking] {
        let window = TimeRange(lower: start.addingTimeInterval(-margin), upper: end.addingTimeInterval(margin))!
        let ids = resourceIds.map { $0.uuidString.lowercased() }
        return try list(
            where: """
                b.status = 'confirmed' AND b.id IN (
                    SELECT k.booking_id FROM booking_blocks k
                    WHERE k.purpose = 'occupancy' AND k.during && \(window) AND k.resource_id IN (
                        SELECT a.resource_id FROM unnest(\(ids)::uuid[]) AS w (id), resource_ancestors(w.id) AS a
                        UNION
                        SELECT d.resource_id FROM unnest(\(ids)::uuid[]) AS w (id), resource_descendants(w.id) AS d)
                    UNION
                    SELECT i.id FROM bookings i WHERE i.instructor_id = \(instructorId) AND i.during && tstzrange(\(start), \(end)))
                """,
            limit: 50, offset: 0, on: connection)
    }

    /// The longest changeover buffer of a center, in seconds: how far from a refused booking
    /// the bookings it may have clashed with can lie.
    public func longestChangeover(centerId: UUID, on connection: Connection) throws -> TimeInterval {
        let minutes: Int = try connection.query(
            "SELECT coalesce(max(minutes), 0)::int8 AS minutes FROM changeover_rules WHERE center_id = \(centerId)"
        ).first!.decode("minutes")
        return TimeInterval(minutes * 60)
    }

    /// Cancels a confirmed booking: its blocks go, so the time is free again.
    /// - Returns: whether a confirmed booking of this version was found and cancelled.
    public func cancel(id: UUID, version: Int, on connection: Connection) throws -> Bool {
        let rows = try connection.query(
            """
            UPDATE bookings SET status = 'cancelled', version = version + 1
            WHERE id = \(id) AND version = \(version)::int4 AND status = 'confirmed'
            """)
        guard rows.affectedRows == 1 else { return false }
        try connection.query("DELETE FROM booking_blocks WHERE booking_id = \(id)")
        return true
    }

    func list(where condition: SQL, limit: Int, offset: Int, on connection: Connection) throws -> [Booking] {
        let rows = try connection.query(
            """
            SELECT b.id, b.center_id, b.organization_id, b.request_id, b.category, b.title, lower(b.during) AS start,
                   upper(b.during) AS "end", b.instructor_id, b.participants, b.status, b.version,
                   b.second_instructor_id, b.group_number::int4, b.group_count::int4, b.series_id,
                   coalesce((SELECT array_agg(r.resource_id::text || ':' || coalesce(r.stations::text, '') ORDER BY r.resource_id)
                             FROM booking_resources r WHERE r.booking_id = b.id), '{}') AS uses,
                   coalesce((SELECT array_agg(c.cohort_id::text ORDER BY c.cohort_id)
                             FROM booking_cohorts c WHERE c.booking_id = b.id), '{}') AS cohorts
            FROM bookings b
            WHERE \(condition)
            ORDER BY lower(b.during), b.id
            LIMIT \(limit) OFFSET \(offset)
            """)
        return try rows.map(Self.booking(from:))
    }

    static func booking(from row: Row) throws -> Booking {
        let bookingCategory: Category = try row.decode("category")
        let bookingStatus: BookingStatus = try row.decode("status")
        let uses = try row.decode("uses", as: [String].self).map { text -> Booking.Use in
            let parts = text.split(separator: ":", omittingEmptySubsequences: false)
            return Booking.Use(resourceId: UUID(uuidString: String(parts[0]))!, stations: Int(parts[1]))
        }
        return Booking(
            id: try row.decode("id"), centerId: try row.decode("center_id"),
            organizationId: try row.decode("organization_id"),
            requestId: try row.decode("request_id", as: UUID?.self), category: bookingCategory,
            title: try row.decode("title"), start: try row.decode("start"), end: try row.decode("end"),
            resources: uses, instructorId: try row.decode("instructor_id", as: UUID?.self),
            participants: try row.decode("participants"),
            cohortIds: try row.decode("cohorts", as: [String].self).compactMap(UUID.init(uuidString:)),
            status: bookingStatus, version: try row.decode("version"),
            secondInstructorId: try row.decode("second_instructor_id", as: UUID?.self),
            group: try Self.group(from: row), seriesId: try row.decode("series_id", as: UUID?.self))
    }

    /// The group a booking row holds, `nil` for the whole class.
    static func group(from row: Row) throws -> SessionGroup? {
        guard let number = try row.decode("group_number", as: Int?.self),
            let count = try row.decode("group_count", as: Int?.self)
        else { return nil }
        return SessionGroup(number: number, count: count)
    }
}

extension BookingRepository {
    /// Confirmed bookings that hold any of the cohorts during `[start, end)` (at most 50).
    public func cohortClashes(
        _ cohortIds: [UUID], start: Date, end: Date, on connection: Connection
    ) throws -> [Booking] {
        let ids = cohortIds.map { $0.uuidString.lowercased() }
        return try list(
            where: """
                b.status = 'confirmed' AND b.during && tstzrange(\(start), \(end)) AND EXISTS (
                    SELECT 1 FROM booking_cohorts c WHERE c.booking_id = b.id AND c.cohort_id = ANY(\(ids)::uuid[]))
                """,
            limit: 50, offset: 0, on: connection)
    }
}

extension SQLState {
    /// `insert_booking`: a cohort of the booking is already booked at that time.
    public static let cohortBooked = SQLState(rawValue: "PXC01")
    /// `insert_booking`: a booked resource is retired; the message names it.
    public static let resourceRetired = SQLState(rawValue: "PXR01")
    /// `insert_booking`: a booked resource, what contains it or what it contains is under maintenance.
    public static let underMaintenance = SQLState(rawValue: "PXM01")
}
