public import Database
public import Domain
public import Foundation

/// The SQL of the reports: each figure one aggregation over a center's sessions (confirmed bookings)
/// and the evidence recorded for them (`attendance_marks`, `session_records`), read from their
/// rollups (sql/0036_report_rollups.sql); see docs/reports.md.
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
    /// filter's category, of its organization when `byOrganization`, read from their rollup
    /// (`session_tallies`, sql/0036_report_rollups.sql): with their local start and end, `booked` hours,
    /// `hours` (actual when recorded, else booked), `not_held_reason`, `resource_ids`, and `used` (held,
    /// with actual times or someone present or late).
    func sessions(_ period: ReportPeriod, byOrganization: Bool = true) -> SQL {
        let filter = period.filter
        let organizationId = byOrganization ? filter.organizationId : nil
        return """
            sessions AS (
                SELECT t.booking_id AS id, t.organization_id, t.category, t.instructor_id, t.second_instructor_id,
                       t.resource_ids, t.local_start, t.local_end, t.booked, t.hours, t.not_held_reason, t.used
                FROM session_tallies t
                WHERE t.center_id = \(period.centerId)
                  AND t.starts_at >= \(period.starts) AND t.starts_at < \(period.ends)
                  AND (\(organizationId)::uuid IS NULL OR t.organization_id = \(organizationId))
                  AND (\(filter.category?.rawValue)::text IS NULL OR t.category::text = \(filter.category?.rawValue))
            )
            """
    }

    /// The common table `marked`: the marks of the center's held sessions starting in the period and of
    /// the filter's category, of the people of the filter's organization, read from their rollup
    /// (`session_mark_tallies`): per session and organization of the people marked, the session's
    /// `category` and `hours`, and its `marks`, `absent`, `late` and `corrected` marks.
    func marked(_ period: ReportPeriod) -> SQL {
        let filter = period.filter
        return """
            marked AS (
                SELECT t.organization_id, t.category, t.hours, t.marks, t.absent, t.late, t.corrected
                FROM session_mark_tallies t
                WHERE t.center_id = \(period.centerId) AND t.held
                  AND t.starts_at >= \(period.starts) AND t.starts_at < \(period.ends)
                  AND (\(filter.organizationId)::uuid IS NULL OR t.organization_id = \(filter.organizationId))
                  AND (\(filter.category?.rawValue)::text IS NULL OR t.category::text = \(filter.category?.rawValue))
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
