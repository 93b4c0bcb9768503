public import Database
public import Domain
public import Foundation

extension AttendanceRepository {
    /// Per organization whose people were marked at a center's sessions starting in `[from, to)`:
    /// marks, absent and late among them, and that organization's sessions that did not take place.
    /// Organizations with neither are left out; most absences first. Read from the reports' rollups
    /// (sql/0036_report_rollups.sql).
    public func noShows(centerId: UUID, from: Date, to: Date, on connection: Connection) throws -> [NoShows] {
        try connection.query(
            """
            WITH marks AS (
                SELECT organization_id, sum(marks) AS marks, sum(absent) AS absent, sum(late) AS late
                FROM session_mark_tallies
                WHERE center_id = \(centerId) AND starts_at >= \(from) AND starts_at < \(to) GROUP BY organization_id
            ), not_held AS (
                SELECT organization_id, count(*) AS not_held
                FROM session_tallies
                WHERE center_id = \(centerId) AND starts_at >= \(from) AND starts_at < \(to)
                  AND not_held_reason IS NOT NULL
                GROUP BY organization_id
            )
            SELECT o.id, o.name, coalesce(m.marks, 0)::int4 AS marks, coalesce(m.absent, 0)::int4 AS absent,
                   coalesce(m.late, 0)::int4 AS late, coalesce(n.not_held, 0)::int4 AS not_held
            FROM organizations o LEFT JOIN marks m ON m.organization_id = o.id LEFT JOIN not_held n ON n.organization_id = o.id
            WHERE m.organization_id IS NOT NULL OR n.organization_id IS NOT NULL
            ORDER BY absent DESC, not_held DESC, o.name
            """
        ).map { row in
            NoShows(
                organizationId: try row.decode("id"), organizationName: try row.decode("name"),
                marks: try row.decode("marks"), absent: try row.decode("absent"), late: try row.decode("late"),
                sessionsNotHeld: try row.decode("not_held"))
        }
    }

    /// A request's hours per participant: planned, its confirmed sessions (one group's when the class
    /// works in groups: each student attends their own group's); delivered, those of them that took
    /// place: by their actual times, else their booked times when attendance was taken.
    public func hoursDelivered(requestId: UUID, on connection: Connection) throws -> HoursDelivered {
        let row = try connection.query(
            """
            WITH sessions AS (
                SELECT b.id, extract(epoch FROM upper(b.during) - lower(b.during)) / 3600 AS booked,
                       extract(epoch FROM upper(r.actual) - lower(r.actual)) / 3600 AS actual,
                       r.not_held_reason IS NOT NULL AS not_held,
                       EXISTS (SELECT 1 FROM attendance_marks m WHERE m.booking_id = b.id) AS marked
                FROM bookings b LEFT JOIN session_records r ON r.booking_id = b.id
                WHERE b.request_id = \(requestId) AND b.status = 'confirmed' AND coalesce(b.group_number, 1) = 1
            )
            SELECT coalesce(sum(booked), 0)::float8 AS planned,
                   coalesce(sum(CASE WHEN not_held THEN 0 WHEN actual IS NOT NULL THEN actual WHEN marked THEN booked ELSE 0 END), 0)::float8 AS delivered,
                   count(*)::int4 AS sessions,
                   count(*) FILTER (WHERE NOT not_held AND (actual IS NOT NULL OR marked))::int4 AS held,
                   count(*) FILTER (WHERE not_held)::int4 AS not_held
            FROM sessions
            """
        ).first!
        return HoursDelivered(
            requestId: requestId, plannedHours: try row.decode("planned"), deliveredHours: try row.decode("delivered"),
            sessions: try row.decode("sessions"), sessionsHeld: try row.decode("held"),
            sessionsNotHeld: try row.decode("not_held"))
    }
}
