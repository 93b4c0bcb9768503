public import Database
public import Domain
public import Foundation

extension ReportRepository {
    /// Per instructor of held sessions (first or second): sessions and hours taught, and two-teacher
    /// sessions among them; the summary splits the hours by the instructor's affiliation: schools'
    /// teachers (teachers' practice), enterprises' staff (兼职 teaching), others. `brief` leaves out
    /// the instructors (the public report reads only the summary).
    public func teaching(
        centerId: UUID, filter: ReportFilter, brief: Bool = false, on connection: Connection
    ) throws -> [ReportSection] {
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        // per instructor first (each held session once per instructor of it), then sides from those rows;
        // the total counts each session once
        let taught: SQL = """
            WITH \(sessions(period)), held AS (
                SELECT id, hours, second_instructor_id IS NOT NULL AS two, instructor_id, second_instructor_id
                FROM sessions
                WHERE not_held_reason IS NULL AND (instructor_id IS NOT NULL OR second_instructor_id IS NOT NULL)
            ), roles AS (
                SELECT CASE WHEN grouping(instructor_id) = 0 THEN instructor_id ELSE second_instructor_id END AS instructor_id,
                       count(*) AS sessions, sum(hours) AS hours, count(*) FILTER (WHERE two) AS two
                FROM held GROUP BY GROUPING SETS ((instructor_id), (second_instructor_id))
            ), per AS (
                SELECT instructor_id, sum(sessions) AS sessions, sum(hours) AS hours, sum(two) AS two
                FROM roles WHERE instructor_id IS NOT NULL GROUP BY instructor_id
            ), taught AS (
                SELECT per.*, i.name, i.organization_id,
                       CASE WHEN o.kind IN ('secondary_vocational_school', 'higher_vocational_college', 'undergraduate_university')
                            THEN 'schoolTeachers'
                            WHEN o.kind IN ('large_enterprise', 'sme') THEN 'enterpriseStaff' ELSE 'others' END AS side
                FROM per JOIN instructors i ON i.id = per.instructor_id JOIN organizations o ON o.id = i.organization_id
            )
            """
        let columns = ["sessions", "hours", "twoTeacherSessions"]
        let instructors =
            try brief
            ? []
            : rows(
                """
                \(taught)
                SELECT instructor_id::text AS key, name AS label, organization_id, sessions::float8 AS sessions,
                       hours::float8 AS hours, two::float8 AS "twoTeacherSessions"
                FROM taught ORDER BY name
                """, columns: columns, on: connection)
        let summary = try rows(
            """
            \(taught)
            SELECT side AS key, '' AS label, NULL::uuid AS organization_id, sum(sessions)::float8 AS sessions,
                   sum(hours)::float8 AS hours, sum(two)::float8 AS "twoTeacherSessions", count(*)::float8 AS instructors
            FROM taught GROUP BY side
            UNION ALL
            SELECT 'total', '', NULL, count(*), coalesce(sum(hours), 0), count(*) FILTER (WHERE two),
                   (SELECT count(*) FROM taught)
            FROM held
            ORDER BY key
            """, columns: columns + ["instructors"], on: connection)
        return [
            ReportSection(key: "summary", columns: columns + ["instructors"], rows: summary)
        ] + (brief ? [] : [ReportSection(key: "instructors", columns: columns, rows: instructors)])
    }
}
