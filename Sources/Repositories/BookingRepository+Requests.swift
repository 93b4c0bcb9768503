public import Database
public import Domain
public import Foundation

extension BookingRepository {
    /// The confirmed bookings of a request that start after `after`, by start, locked until the
    /// transaction ends: what cancelling, rejecting or withdrawing the request releases.
    /// A request's bookings are its sessions (a term's weeks at most), so the read is bounded.
    public func future(ofRequest requestId: UUID, after: Date, on connection: Connection) throws -> [Booking] {
        let ids: [UUID] = try connection.query(
            """
            SELECT id FROM bookings
            WHERE request_id = \(requestId) AND status = 'confirmed' AND lower(during) > \(after)
            ORDER BY lower(during), id FOR UPDATE
            """
        ).map { try $0.decode("id") }
        return try ids.compactMap { try find(id: $0, on: connection) }
    }
}

extension BookingRepository {
    /// The confirmed sessions of a center's shared-employee courses, by course id and start: what the
    /// catalogue shows as each course's timetable, and what makes a course dated.
    public func courseTimetables(
        centerId: UUID, on connection: Connection
    ) throws -> [UUID: [CourseOffering.Meeting]] {
        var timetables: [UUID: [CourseOffering.Meeting]] = [:]
        for row in try connection.query(
            """
            SELECT b.request_id, lower(b.during) AS start, upper(b.during) AS "end",
                   coalesce((SELECT string_agg(r.name, ', ' ORDER BY r.name) FROM booking_resources u
                             JOIN resources r ON r.id = u.resource_id WHERE u.booking_id = b.id), '') AS place
            FROM bookings b
            WHERE b.center_id = \(centerId) AND b.category = 'shared_employee' AND b.status = 'confirmed'
              AND b.request_id IS NOT NULL
            ORDER BY lower(b.during), b.id
            """)
        {
            timetables[try row.decode("request_id"), default: []].append(
                CourseOffering.Meeting(
                    start: try row.decode("start"), end: try row.decode("end"), place: try row.decode("place")))
        }
        return timetables
    }
}

extension BookingRepository {
    /// When the first confirmed session of a request starts; `nil` while it has none (a shared-employee
    /// course not yet dated).
    public func firstStart(ofRequest requestId: UUID, on connection: Connection) throws -> Date? {
        try connection.query(
            "SELECT min(lower(during)) AS first FROM bookings WHERE request_id = \(requestId) AND status = 'confirmed'"
        ).first?.decode("first", as: Date?.self)
    }
}
