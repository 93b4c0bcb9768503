public import Database
public import Domain
public import Foundation

extension ReportRepository {
    /// People trained: present and late marks of held sessions (人次), their session hours (人时) and
    /// distinct people, per category and per the people's organization (the filter's organization
    /// is theirs); and the distinct SMEs and enterprises whose people were trained. Marks are read
    /// from their per-session rollup, people from their days of presence (sql/0036_report_rollups.sql).
    /// `brief` leaves out the organizations (the public report reads only totals).
    public func people(
        centerId: UUID, filter: ReportFilter, brief: Bool = false, on connection: Connection
    ) throws -> [ReportSection] {
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        let trained: SQL = """
            WITH \(marked(period)), present AS (
                SELECT p.participant_id, p.organization_id, p.category
                FROM participant_presence p
                WHERE p.center_id = \(centerId) AND p.days && daterange(\(filter.from)::date, \(filter.to)::date, '[]')
                  AND (\(filter.organizationId)::uuid IS NULL OR p.organization_id = \(filter.organizationId))
                  AND (\(filter.category?.rawValue)::text IS NULL OR p.category::text = \(filter.category?.rawValue))
            )
            """
        let columns = ["trainees", "personHours", "people"]
        let categories = try rows(
            """
            \(trained), counted AS (
                SELECT category, sum(marks - absent) AS trainees, sum((marks - absent) * hours) AS hours
                FROM marked WHERE marks > absent GROUP BY GROUPING SETS ((category), ())
            ), people AS (
                SELECT category, count(DISTINCT participant_id) AS people FROM present GROUP BY GROUPING SETS ((category), ())
            )
            SELECT coalesce(c.category::text, 'total') AS key, coalesce(c.category::text, '') AS label,
                   NULL::uuid AS organization_id, coalesce(c.trainees, 0)::float8 AS trainees,
                   coalesce(c.hours, 0)::float8 AS "personHours", coalesce(p.people, 0)::float8 AS people
            FROM counted c JOIN people p ON p.category IS NOT DISTINCT FROM c.category
            ORDER BY c.category NULLS LAST
            """, columns: columns, on: connection)
        var sections = [ReportSection(key: "categories", columns: columns, rows: categories)]
        if !brief {
            let organizations = try rows(
                """
                \(trained), counted AS (
                    SELECT organization_id, sum(marks - absent) AS trainees, sum((marks - absent) * hours) AS hours
                    FROM marked WHERE marks > absent GROUP BY organization_id
                ), people AS (
                    SELECT organization_id, count(DISTINCT participant_id) AS people FROM present GROUP BY organization_id
                )
                SELECT coalesce(o.id::text, 'total') AS key, coalesce(o.name, '') AS label, o.id AS organization_id,
                       coalesce(sum(c.trainees), 0)::float8 AS trainees, coalesce(sum(c.hours), 0)::float8 AS "personHours",
                       CASE WHEN o.id IS NULL THEN (SELECT count(DISTINCT participant_id) FROM present)
                            ELSE sum(p.people) END::float8 AS people,
                       CASE WHEN o.id IS NULL THEN count(DISTINCT o.id) FILTER (WHERE o.kind = 'sme')
                            ELSE (o.kind = 'sme')::int END::float8 AS sme
                FROM counted c JOIN people p ON p.organization_id = c.organization_id
                JOIN organizations o ON o.id = c.organization_id
                GROUP BY GROUPING SETS ((o.id, o.name, o.kind), ()) ORDER BY o.name NULLS LAST
                """, columns: columns + ["sme"], on: connection)
            sections.append(ReportSection(key: "organizations", columns: columns + ["sme"], rows: organizations))
            sections.append(
                ReportSection(
                    key: "trainingTypes", columns: Self.typeColumns,
                    rows: try trainingTypes(centerId: centerId, filter: filter, on: connection)))
        }
        let smes = try rows(
            """
            \(trained)
            SELECT 'total' AS key, '' AS label, NULL::uuid AS organization_id,
                   count(DISTINCT o.id) FILTER (WHERE o.kind = 'sme')::float8 AS "smesServed",
                   count(DISTINCT o.id) FILTER (WHERE o.kind IN ('sme', 'large_enterprise'))::float8 AS "enterprisesServed"
            FROM present JOIN organizations o ON o.id = present.organization_id
            """, columns: ["smesServed", "enterprisesServed"], on: connection)
        return sections + [
            ReportSection(
                key: "smes", columns: ["smesServed", "enterprisesServed", "smePercent"],
                rows: smes.map { row in
                    let share = row.values[1] > 0 ? (row.values[0] * 1000 / row.values[1]).rounded() / 10 : 0
                    return ReportRow(key: row.key, label: row.label, values: row.values + [share])
                })
        ]
    }

    static let typeColumns = ["named", "completed", "certificates"]

    /// The named participants of upskilling courses whose window meets the period, by the course's
    /// training type (`unspecified` for courses without one): how many were named, completed, and got
    /// a certificate number. What a subsidy claim counts per type (岗前 / 岗位 / 继续教育 …).
    func trainingTypes(centerId: UUID, filter: ReportFilter, on connection: Connection) throws -> [ReportRow] {
        try rows(
            """
            WITH named AS (
                SELECT coalesce(q.details->>'trainingType', 'unspecified') AS type, p.id, o.completed, o.certificate_number
                FROM requests q
                JOIN participants p ON p.request_id = q.id AND p.withdrawn_at IS NULL
                LEFT JOIN participant_outcomes o ON o.participant_id = p.id
                WHERE q.center_id = \(centerId) AND q.category = 'employee_upskilling'
                  AND (q.details->>'earliest')::date <= \(filter.to)::date
                  AND (q.details->>'latest')::date >= \(filter.from)::date
                  AND (\(filter.organizationId)::uuid IS NULL OR q.organization_id = \(filter.organizationId))
                  AND coalesce(\(filter.category?.rawValue)::text, 'employee_upskilling') = 'employee_upskilling'
            )
            SELECT coalesce(type, 'total') AS key, '' AS label, NULL::uuid AS organization_id,
                   count(id)::float8 AS named, count(id) FILTER (WHERE completed)::float8 AS completed,
                   count(certificate_number)::float8 AS certificates
            FROM named GROUP BY GROUPING SETS ((type), ()) ORDER BY type NULLS LAST
            """, columns: Self.typeColumns, on: connection)
    }
}
