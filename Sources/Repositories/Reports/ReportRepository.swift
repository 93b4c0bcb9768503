public import Database
public import Domain
public import Foundation

/// The SQL of the reports: each figure one aggregation over a center's sessions (confirmed bookings)
/// and the evidence recorded for them (`attendance_marks`, `session_records`); see docs/reports.md.
public struct ReportRepository: Sendable {
    public init() {}

    /// The instants the filter's period starts and ends at (its first day's midnight, the day after its
    /// last), in the center's time zone: bound as constants, so that the planner sees how many
    /// sessions the period holds.
    public func period(centerId: UUID, filter: ReportFilter, on connection: Connection) throws -> ReportPeriod {
        let row = try connection.query(
            """
            SELECT \(filter.from)::date::timestamp AT TIME ZONE time_zone AS starts,
                   (\(filter.to)::date + 1)::timestamp AT TIME ZONE time_zone AS ends
            FROM centers WHERE id = \(centerId)
            """
        ).first!
        return ReportPeriod(
            centerId: centerId, filter: filter, starts: try row.decode("starts"), ends: try row.decode("ends"))
    }

    /// The common table `sessions`: the center's confirmed bookings starting in the period and of the
    /// filter's category, of its organization when `byOrganization`; with their local start and end,
    /// `booked` hours, `hours` (actual when recorded, else booked), `not_held_reason`, and `used` (held,
    /// with actual times or someone present or late). Hours are `float8` (`date_part`, not the
    /// slower `numeric` of `extract`).
    func sessions(_ period: ReportPeriod, byOrganization: Bool = true) -> SQL {
        let filter = period.filter
        let organizationId = byOrganization ? filter.organizationId : nil
        return """
            sessions AS (
                SELECT b.id, b.organization_id, b.category, b.instructor_id, b.second_instructor_id,
                       lower(b.during) AT TIME ZONE c.time_zone AS local_start,
                       upper(b.during) AT TIME ZONE c.time_zone AS local_end,
                       date_part('epoch', upper(b.during) - lower(b.during)) / 3600 AS booked,
                       date_part('epoch', coalesce(upper(r.actual) - lower(r.actual), upper(b.during) - lower(b.during))) / 3600 AS hours,
                       r.not_held_reason,
                       r.not_held_reason IS NULL AND (r.actual IS NOT NULL OR EXISTS (
                           SELECT 1 FROM attendance_marks m WHERE m.booking_id = b.id AND m.mark <> 'absent')) AS used
                FROM bookings b
                JOIN centers c ON c.id = b.center_id
                LEFT JOIN session_records r ON r.booking_id = b.id
                WHERE b.center_id = \(period.centerId) AND b.status = 'confirmed'
                  AND lower(b.during) >= \(period.starts) AND lower(b.during) < \(period.ends)
                  AND (\(organizationId)::uuid IS NULL OR b.organization_id = \(organizationId))
                  AND (\(filter.category?.rawValue)::text IS NULL OR b.category::text = \(filter.category?.rawValue))
            )
            """
    }

    /// Rows of a query answering `key`, `label`, an optional `organization_id` and one `float8` column
    /// per name in `columns`.
    func rows(_ sql: SQL, columns: [String], on connection: Connection) throws -> [ReportRow] {
        try connection.query(sql).map { row in
            ReportRow(
                key: try row.decode("key"), label: try row.decode("label"),
                organizationId: try row.decode("organization_id", as: UUID?.self),
                values: try columns.map { try row.decode($0, as: Double.self) })
        }
    }
}

/// A report's filter with the instants its period starts and ends at.
public struct ReportPeriod: Sendable {
    public let centerId: UUID
    public let filter: ReportFilter
    public let starts: Date
    public let ends: Date
}
