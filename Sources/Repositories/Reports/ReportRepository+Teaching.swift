public import Database
public import Domain
public import Foundation

extension ReportRepository {
    /// Per instructor of held sessions (first or second): sessions and hours taught, and two-teacher
    /// sessions among them; the summary splits the hours by the instructor's affiliation: schools'
    /// teachers (teachers' practice), enterprises' staff (兼职 teaching), others.
    public func teaching(centerId: UUID, filter: ReportFilter, on connection: Connection) throws -> [ReportSection] {
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        let taught: SQL = """
            WITH \(sessions(period)), taught AS (
                SELECT s.id, s.hours, s.second_instructor_id IS NOT NULL AS two, i.id AS instructor_id, i.name,
                       i.organization_id,
                       CASE WHEN o.kind IN ('secondary_vocational_school', 'higher_vocational_college', 'undergraduate_university')
                            THEN 'schoolTeachers'
                            WHEN o.kind IN ('large_enterprise', 'sme') THEN 'enterpriseStaff' ELSE 'others' END AS side
                FROM sessions s
                CROSS JOIN LATERAL unnest(ARRAY[s.instructor_id, s.second_instructor_id]) AS t(instructor_id)
                JOIN instructors i ON i.id = t.instructor_id JOIN organizations o ON o.id = i.organization_id
                WHERE s.not_held_reason IS NULL
            )
            """
        let columns = ["sessions", "hours", "twoTeacherSessions"]
        let instructors = try rows(
            """
            \(taught)
            SELECT instructor_id::text AS key, name AS label, organization_id, count(*)::float8 AS sessions,
                   sum(hours)::float8 AS hours, count(*) FILTER (WHERE two)::float8 AS "twoTeacherSessions"
            FROM taught GROUP BY instructor_id, name, organization_id ORDER BY name
            """, columns: columns, on: connection)
        let summary = try rows(
            """
            \(taught)
            SELECT side AS key, '' AS label, NULL::uuid AS organization_id, count(*)::float8 AS sessions,
                   sum(hours)::float8 AS hours, count(*) FILTER (WHERE two)::float8 AS "twoTeacherSessions",
                   count(DISTINCT instructor_id)::float8 AS instructors
            FROM taught GROUP BY side
            UNION ALL
            SELECT 'total', '', NULL, count(DISTINCT id), coalesce(sum(once_hours), 0), count(DISTINCT id) FILTER (WHERE two),
                   count(DISTINCT instructor_id)
            FROM (SELECT id, two, instructor_id, CASE WHEN row_number() OVER (PARTITION BY id) = 1 THEN hours END AS once_hours
                  FROM taught) AS once
            ORDER BY key
            """, columns: columns + ["instructors"], on: connection)
        return [
            ReportSection(key: "summary", columns: columns + ["instructors"], rows: summary),
            ReportSection(key: "instructors", columns: columns, rows: instructors),
        ]
    }
}
