public import Database
public import Domain
public import Foundation

extension ReportRepository {
    /// People trained: present and late marks of held sessions (人次), their session hours (人时) and
    /// distinct people, per category and per the people's organization (the filter's organization
    /// is theirs); and the distinct SMEs and enterprises whose people were trained.
    public func people(centerId: UUID, filter: ReportFilter, on connection: Connection) throws -> [ReportSection] {
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        let marks: SQL = """
            WITH \(sessions(period, byOrganization: false)), marks AS (
                SELECT m.participant_id, m.organization_id, s.category, s.hours
                FROM attendance_marks m JOIN sessions s ON s.id = m.booking_id
                WHERE s.not_held_reason IS NULL AND m.mark <> 'absent'
                  AND (\(filter.organizationId)::uuid IS NULL OR m.organization_id = \(filter.organizationId))
            )
            """
        let columns = ["trainees", "personHours", "people"]
        let categories = try rows(
            """
            \(marks)
            SELECT coalesce(category::text, 'total') AS key, coalesce(category::text, '') AS label,
                   NULL::uuid AS organization_id, count(*)::float8 AS trainees,
                   coalesce(sum(hours), 0)::float8 AS "personHours", count(DISTINCT participant_id)::float8 AS people
            FROM marks GROUP BY GROUPING SETS ((category), ()) ORDER BY category NULLS LAST
            """, columns: columns, on: connection)
        let organizations = try rows(
            """
            \(marks)
            SELECT coalesce(o.id::text, 'total') AS key, coalesce(o.name, '') AS label, o.id AS organization_id,
                   count(*)::float8 AS trainees, coalesce(sum(hours), 0)::float8 AS "personHours",
                   count(DISTINCT participant_id)::float8 AS people,
                   CASE WHEN o.id IS NULL THEN count(DISTINCT o.id) FILTER (WHERE o.kind = 'sme')
                        ELSE (o.kind = 'sme')::int END::float8 AS sme
            FROM marks JOIN organizations o ON o.id = marks.organization_id
            GROUP BY GROUPING SETS ((o.id, o.name, o.kind), ()) ORDER BY o.name NULLS LAST
            """, columns: columns + ["sme"], on: connection)
        let smes = try rows(
            """
            \(marks)
            SELECT 'total' AS key, '' AS label, NULL::uuid AS organization_id,
                   count(DISTINCT o.id) FILTER (WHERE o.kind = 'sme')::float8 AS "smesServed",
                   count(DISTINCT o.id) FILTER (WHERE o.kind IN ('sme', 'large_enterprise'))::float8 AS "enterprisesServed"
            FROM marks JOIN organizations o ON o.id = marks.organization_id
            """, columns: ["smesServed", "enterprisesServed"], on: connection)
        return [
            ReportSection(key: "categories", columns: columns, rows: categories),
            ReportSection(key: "organizations", columns: columns + ["sme"], rows: organizations),
            ReportSection(
                key: "smes", columns: ["smesServed", "enterprisesServed", "smePercent"],
                rows: smes.map { row in
                    let share = row.values[1] > 0 ? (row.values[0] * 1000 / row.values[1]).rounded() / 10 : 0
                    return ReportRow(key: row.key, label: row.label, values: row.values + [share])
                }),
        ]
    }
}
