public import Database
public import Domain
public import Foundation

extension ReportRepository {
    /// Booked and used hours per resource of the center (with the center's open hours in the period)
    /// and per capability, and the sessions' booked hours per weekday × hour of the day (left out
    /// without `heatMap`: the public report reads only totals).
    public func utilisation(
        centerId: UUID, filter: ReportFilter, heatMap: Bool = true, on connection: Connection
    ) throws -> [ReportSection] {
        let open = try openHours(centerId: centerId, filter: filter, on: connection)
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        // one pass over the sessions: per resource, then per capability and owner from those sums
        var sections: [String: [ReportRow]] = [:]
        for row in try connection.query(
            """
            WITH \(sessions(period)), per AS (
                SELECT br.resource_id, sum(s.booked) AS booked, coalesce(sum(s.hours) FILTER (WHERE s.used), 0) AS used
                FROM sessions s CROSS JOIN unnest(s.resource_ids) AS br (resource_id) GROUP BY br.resource_id
            ), counted AS MATERIALIZED (
                SELECT res.id, res.name, res.center_id, res.status, res.capabilities, res.owner_kind,
                       per.resource_id IS NOT NULL AS booked_any, coalesce(per.booked, 0) AS booked,
                       coalesce(per.used, 0) AS used
                FROM resources res LEFT JOIN per ON per.resource_id = res.id
                WHERE res.center_id = \(centerId) OR per.resource_id IS NOT NULL
            )
            SELECT 'resources' AS section, id::text AS key, name AS label, name AS sort, booked::float8 AS "bookedHours",
                   used::float8 AS "usedHours"
            FROM counted WHERE center_id = \(centerId) AND (status = 'active' OR booked_any)
            UNION ALL
            SELECT 'capabilities', tag, tag, tag, sum(booked)::float8, sum(used)::float8
            FROM counted, unnest(capabilities) AS tag WHERE booked_any GROUP BY tag
            UNION ALL
            SELECT 'owners', owner, owner, owner, sum(booked)::float8, sum(used)::float8
            FROM (SELECT CASE WHEN owner_kind = 'center' THEN 'center' ELSE 'contributed' END AS owner, booked, used
                  FROM counted WHERE booked_any) AS owned
            GROUP BY owner
            ORDER BY section, sort
            """)
        {
            sections[try row.decode("section"), default: []].append(
                ReportRow(
                    key: try row.decode("key"), label: try row.decode("label"),
                    values: [try row.decode("bookedHours"), try row.decode("usedHours")]))
        }
        let resources = sections["resources"] ?? []
        let capabilities = sections["capabilities"] ?? []
        let owners = sections["owners"] ?? []
        return [
            Self.withOpenHours(ReportSection(key: "resources", columns: [], rows: resources), open: open),
            // no total: a resource with two capabilities counts under both
            ReportSection(key: "capabilities", columns: ["bookedHours", "usedHours"], rows: capabilities),
            // who contributed the machines (共建共享): the center's own, or a school's, enterprise's or fund's
            ReportSection(key: "owners", columns: ["bookedHours", "usedHours"], rows: owners),
        ] + (heatMap ? [try self.heatMap(centerId: centerId, filter: filter, on: connection)] : [])
    }

    /// The hours the center is open on the period's days: its weekly opening hours, a make-up working
    /// day following the weekday it runs, public holidays and closures shut.
    func openHours(centerId: UUID, filter: ReportFilter, on connection: Connection) throws -> Double {
        try connection.query(
            """
            SELECT coalesce(sum(date_part('epoch', h.closes - h.opens)) / 3600, 0)::float8 AS hours
            FROM generate_series(\(filter.from)::date, \(filter.to)::date, interval '1 day') AS d(day)
            LEFT JOIN calendar_days cd ON cd.day = d.day::date
            JOIN center_opening_hours h ON h.center_id = \(centerId)
                 AND h.weekday = coalesce(cd.follows_weekday, extract(isodow FROM d.day)::int)
            WHERE cd.kind IS DISTINCT FROM 'public_holiday'
              AND NOT EXISTS (SELECT 1 FROM center_closures x WHERE x.center_id = \(centerId) AND x.days @> d.day::date)
            """
        ).first!.decode("hours")
    }

    /// Per resource: booked, used and open hours, and the booked and used shares of the open hours.
    static func withOpenHours(_ section: ReportSection, open: Double) -> ReportSection {
        func percent(_ part: Double, _ whole: Double) -> Double { whole > 0 ? (part * 1000 / whole).rounded() / 10 : 0 }
        let total = sum(section.rows, width: 2)
        return ReportSection(
            key: section.key, columns: ["bookedHours", "usedHours", "openHours", "bookedPercent", "usedPercent"],
            rows: (section.rows + [total]).map { row in
                let opened = row.key == ReportRow.totalKey ? open * Double(section.rows.count) : open
                return ReportRow(
                    key: row.key, label: row.label, organizationId: row.organizationId,
                    values: [
                        row.values[0], row.values[1], opened, percent(row.values[0], opened),
                        percent(row.values[1], opened),
                    ])
            })
    }

    /// The total row of additive columns: each column summed.
    static func sum(_ rows: [ReportRow], width: Int) -> ReportRow {
        ReportRow(
            key: ReportRow.totalKey, label: "",
            values: (0..<width).map { column in rows.reduce(0) { $0 + $1.values[column] } })
    }

    /// Booked hours of the sessions per local weekday (rows `1`…`7`, ISO) and hour of the day
    /// (columns `h0`…`h23`): each session counted in every hour it overlaps, by the overlap (sessions
    /// of the same local start and end counted together).
    func heatMap(centerId: UUID, filter: ReportFilter, on connection: Connection) throws -> ReportSection {
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        var cells = Array(repeating: Array(repeating: 0.0, count: 24), count: 7)
        for row in try connection.query(
            """
            WITH \(sessions(period)), spans AS (
                SELECT local_start, local_end, count(*) AS n FROM sessions GROUP BY local_start, local_end
            )
            SELECT extract(isodow FROM hr)::int4 AS weekday, extract(hour FROM hr)::int4 AS hour,
                   sum(s.n * date_part('epoch', least(s.local_end, hr + interval '1 hour') - greatest(s.local_start, hr)) / 3600)::float8 AS hours
            FROM spans s,
                 generate_series(date_trunc('hour', s.local_start), s.local_end - interval '1 microsecond', interval '1 hour') AS hr
            GROUP BY 1, 2
            """)
        {
            let weekday: Int = try row.decode("weekday")
            let hour: Int = try row.decode("hour")
            cells[weekday - 1][hour] = try row.decode("hours")
        }
        return ReportSection(
            key: "heatMap", columns: (0..<24).map { "h\($0)" },
            rows: cells.enumerated().map { ReportRow(key: String($0.offset + 1), label: "", values: $0.element) })
    }
}
