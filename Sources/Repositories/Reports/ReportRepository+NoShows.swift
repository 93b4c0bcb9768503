public import Database
public import Domain
public import Foundation

extension ReportRepository {
    /// Marks per organization of the people marked (absent, late, corrected by a manager) and the
    /// sessions that did not take place per reason (of the filter's organization's sessions). The marks are
    /// summed per organization before the organizations' names are joined (a year: 300,000 rows, then 40).
    public func noShows(centerId: UUID, filter: ReportFilter, on connection: Connection) throws -> [ReportSection] {
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        let columns = ["marks", "absent", "late", "corrected", "absentPercent"]
        let organizations = try rows(
            """
            WITH \(marked(period)), per AS (
                SELECT organization_id, sum(marks) AS marks, sum(absent) AS absent, sum(late) AS late,
                       sum(corrected) AS corrected
                FROM marked GROUP BY organization_id
            )
            SELECT coalesce(o.id::text, 'total') AS key, coalesce(o.name, '') AS label, o.id AS organization_id,
                   coalesce(sum(m.marks), 0)::float8 AS marks, coalesce(sum(m.absent), 0)::float8 AS absent,
                   coalesce(sum(m.late), 0)::float8 AS late, coalesce(sum(m.corrected), 0)::float8 AS corrected,
                   coalesce(round(100.0 * sum(m.absent) / nullif(sum(m.marks), 0), 1), 0)::float8 AS "absentPercent"
            FROM per m JOIN organizations o ON o.id = m.organization_id
            GROUP BY GROUPING SETS ((o.id, o.name), ()) ORDER BY o.name NULLS LAST
            """, columns: columns, on: connection)
        let reasons = try rows(
            """
            WITH \(sessions(period))
            SELECT coalesce(not_held_reason::text, 'total') AS key, coalesce(not_held_reason::text, '') AS label,
                   NULL::uuid AS organization_id, count(*)::float8 AS sessions, coalesce(sum(booked), 0)::float8 AS hours
            FROM sessions WHERE not_held_reason IS NOT NULL
            GROUP BY GROUPING SETS ((not_held_reason), ()) ORDER BY not_held_reason NULLS LAST
            """, columns: ["sessions", "hours"], on: connection)
        return [
            ReportSection(key: "organizations", columns: columns, rows: organizations),
            ReportSection(key: "notHeld", columns: ["sessions", "hours"], rows: reasons),
        ]
    }
}
