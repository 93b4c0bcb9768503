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
        // one pass: each held session once per instructor of it (first and second side by side), summed
        // per instructor; the sides from those rows; the total counts each session once
        var sections: [String: [ReportRow]] = [:]
        for row in try connection.query(
            """
            WITH \(sessions(period)), held AS (
                SELECT hours, second_instructor_id IS NOT NULL AS two, instructor_id, second_instructor_id
                FROM sessions
                WHERE not_held_reason IS NULL AND (instructor_id IS NOT NULL OR second_instructor_id IS NOT NULL)
            ), per AS (
                SELECT r.instructor_id, count(*) AS sessions, sum(h.hours) AS hours, count(*) FILTER (WHERE h.two) AS two
                FROM held h CROSS JOIN LATERAL (VALUES (h.instructor_id), (h.second_instructor_id)) AS r (instructor_id)
                WHERE r.instructor_id IS NOT NULL GROUP BY r.instructor_id
            ), taught AS MATERIALIZED (
                SELECT per.*, i.name, i.organization_id,
                       CASE WHEN o.kind IN ('secondary_vocational_school', 'higher_vocational_college', 'undergraduate_university')
                            THEN 'schoolTeachers'
                            WHEN o.kind IN ('large_enterprise', 'sme') THEN 'enterpriseStaff' ELSE 'others' END AS side
                FROM per JOIN instructors i ON i.id = per.instructor_id JOIN organizations o ON o.id = i.organization_id
            )
            SELECT 'instructors' AS section, instructor_id::text AS key, name AS label, organization_id,
                   sessions::float8 AS sessions, hours::float8 AS hours, two::float8 AS "twoTeacherSessions",
                   0::float8 AS instructors
            FROM taught WHERE NOT \(brief)
            UNION ALL
            SELECT 'summary', side, '', NULL, sum(sessions), sum(hours), sum(two), count(*)
            FROM taught GROUP BY side
            UNION ALL
            SELECT 'summary', 'total', '', NULL, count(*), coalesce(sum(hours), 0), count(*) FILTER (WHERE two),
                   (SELECT count(*) FROM taught)
            FROM held
            ORDER BY section, label, key
            """)
        {
            let section: String = try row.decode("section")
            let values = try ["sessions", "hours", "twoTeacherSessions", "instructors"].map {
                try row.decode($0, as: Double.self)
            }
            sections[section, default: []].append(
                ReportRow(
                    key: try row.decode("key"), label: try row.decode("label"),
                    organizationId: try row.decode("organization_id", as: UUID?.self),
                    values: section == "summary" ? values : Array(values.prefix(3))))
        }
        let columns = ["sessions", "hours", "twoTeacherSessions"]
        return [ReportSection(key: "summary", columns: columns + ["instructors"], rows: sections["summary"] ?? [])]
            + (brief ? [] : [ReportSection(key: "instructors", columns: columns, rows: sections["instructors"] ?? [])])
    }
}
