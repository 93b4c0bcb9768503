public import Database
import Dates
public import Domain
public import Foundation

/// Cohorts (classes, groups) with their availability: weekly free times, weeks that differ, travel.
extension PeopleRepository {
    /// Inserts a cohort (a class, a group) of an organization with its availability.
    /// - Throws: ``DatabaseError`` 23505 `cohorts_name_unique` when the organization has the name.
    public func insertCohort(
        organizationId: UUID, name: String, size: Int, availability: ClassAvailability = .anyTime,
        on connection: Connection
    ) throws -> Cohort {
        let id: UUID = try connection.query(
            """
            INSERT INTO cohorts (organization_id, name, size, free_any_time, travel_minutes)
            VALUES (\(organizationId), \(name), \(size)::int4, \(availability.freeAnyTime), \(availability.travelMinutes)::int4)
            RETURNING id
            """
        ).first!.decode("id")
        try writeAvailability(availability, cohortId: id, on: connection)
        return try cohort(id: id, on: connection)!
    }

    /// Writes a changed cohort at the version it was read, bumping the version.
    /// - Returns: the stored cohort, or `nil` when the version moved on (nothing written).
    /// - Throws: ``DatabaseError`` 23505 `cohorts_name_unique` when the organization has the new name.
    public func updateCohort(_ cohort: Cohort, version: Int, on connection: Connection) throws -> Cohort? {
        let updated = try connection.query(
            """
            UPDATE cohorts SET name = \(cohort.name), size = \(cohort.size)::int4,
                free_any_time = \(cohort.availability.freeAnyTime),
                travel_minutes = \(cohort.availability.travelMinutes)::int4,
                version = version + 1, updated_at = now()
            WHERE id = \(cohort.id) AND version = \(version)::int4 RETURNING id
            """)
        guard !updated.isEmpty else { return nil }
        try connection.query("DELETE FROM cohort_free_times WHERE cohort_id = \(cohort.id)")
        try connection.query("DELETE FROM cohort_weeks WHERE cohort_id = \(cohort.id)")
        try writeAvailability(cohort.availability, cohortId: cohort.id, on: connection)
        return try self.cohort(id: cohort.id, on: connection)
    }

    /// Locks a cohort (`FOR UPDATE`) and reads it.
    public func lockCohort(id: UUID, on connection: Connection) throws -> Cohort? {
        guard try !connection.query("SELECT id FROM cohorts WHERE id = \(id) FOR UPDATE").isEmpty else { return nil }
        return try cohort(id: id, on: connection)
    }

    /// The cohort with this id, if any.
    public func cohort(id: UUID, on connection: Connection) throws -> Cohort? {
        try cohorts(where: "c.id = \(id)", on: connection).first
    }

    /// An organization's cohorts by name.
    public func cohorts(organizationId: UUID, limit: Int, offset: Int, on connection: Connection) throws -> [Cohort] {
        try cohorts(
            where: "c.organization_id = \(organizationId)", limit: limit, offset: offset, on: connection)
    }

    /// Cohorts meeting `condition` (on `cohorts c`), by name.
    func cohorts(
        where condition: SQL, limit: Int = 10_000, offset: Int = 0, on connection: Connection
    ) throws
        -> [Cohort]
    {
        try connection.query(
            """
            SELECT c.id, c.organization_id, c.name, c.size, c.version,
                   json_build_object(
                       'freeAnyTime', c.free_any_time, 'travelMinutes', c.travel_minutes,
                       'freeTimes', (SELECT \(Self.freeTimes) FROM cohort_free_times f
                                     WHERE f.cohort_id = c.id AND f.week_of IS NULL),
                       'weeks', coalesce((
                           SELECT json_agg(json_build_object(
                                      'weekOf', to_char(w.week_of, 'YYYY-MM-DD'), 'note', w.note,
                                      'freeTimes', (SELECT \(Self.freeTimes) FROM cohort_free_times f
                                                    WHERE f.cohort_id = c.id AND f.week_of = w.week_of))
                                  ORDER BY w.week_of)
                           FROM cohort_weeks w WHERE w.cohort_id = c.id), '[]')) AS availability
            FROM cohorts c WHERE \(condition) ORDER BY c.name, c.id LIMIT \(limit) OFFSET \(offset)
            """
        ).map { row in
            Cohort(
                id: try row.decode("id"), organizationId: try row.decode("organization_id"),
                name: try row.decode("name"), size: try row.decode("size"),
                availability: try row.decode("availability", as: JSONB.self).decode(),
                version: try row.decode("version"))
        }
    }

    /// The free times of `cohort_free_times f` as a JSON array, by weekday and time.
    private static let freeTimes = SQL(
        unsafe: """
            coalesce(json_agg(json_build_object('weekday', f.weekday, 'from', to_char(f.free_from, 'HH24:MI'),
                                                'to', to_char(f.free_to, 'HH24:MI'))
                              ORDER BY f.weekday, f.free_from), '[]')
            """)

    /// Inserts the free times and weeks of a cohort that has none.
    private func writeAvailability(_ availability: ClassAvailability, cohortId: UUID, on connection: Connection) throws
    {
        if !availability.weeks.isEmpty {
            let weeks = try JSONB(encoding: availability.weeks)
            try connection.query(
                """
                INSERT INTO cohort_weeks (cohort_id, week_of, note)
                SELECT \(cohortId), w."weekOf", w.note
                FROM jsonb_to_recordset(\(weeks)) AS w("weekOf" date, note text)
                """)
        }
        let rows =
            availability.freeTimes.map { FreeTimeRow(weekOf: nil, time: $0) }
            + availability.weeks.flatMap { week in week.freeTimes.map { FreeTimeRow(weekOf: week.weekOf, time: $0) } }
        guard !rows.isEmpty else { return }
        let times = try JSONB(encoding: rows)
        try connection.query(
            """
            INSERT INTO cohort_free_times (cohort_id, week_of, weekday, free_from, free_to)
            SELECT \(cohortId), t."weekOf", t.weekday, t."from", t."to"
            FROM jsonb_to_recordset(\(times))
                 AS t("weekOf" date, weekday smallint, "from" time, "to" time)
            """)
    }

    /// The weekly opening hours of every center where the organization works (has requests or
    /// bookings); an empty list for a center without weekly hours (open every day).
    public func openingHoursWhereWorking(
        organizationId: UUID, on connection: Connection
    ) throws -> [UUID: [OpeningHours]] {
        let rows = try connection.query(
            """
            SELECT w.center_id, h.weekday::int4 AS weekday, left(h.opens::text, 5) AS opens,
                   left(h.closes::text, 5) AS closes
            FROM (SELECT center_id FROM requests WHERE organization_id = \(organizationId)
                  UNION SELECT center_id FROM bookings WHERE organization_id = \(organizationId)) w
            LEFT JOIN center_opening_hours h ON h.center_id = w.center_id
            ORDER BY w.center_id, h.weekday, h.opens
            """)
        var hours: [UUID: [OpeningHours]] = [:]
        for row in rows {
            let center: UUID = try row.decode("center_id")
            hours[center, default: []] +=
                try row.decode("weekday", as: Int?.self).map { weekday in
                    [OpeningHours(weekday: weekday, opens: try row.decode("opens"), closes: try row.decode("closes"))]
                } ?? []
        }
        return hours
    }
}

/// One free time as `jsonb_to_recordset` reads it.
private struct FreeTimeRow: Encodable {
    var weekOf: CalendarDate?
    var weekday: Int
    var from: ClockTime
    var to: ClockTime

    init(weekOf: CalendarDate?, time: ClassAvailability.FreeTime) {
        self.weekOf = weekOf
        (weekday, from, to) = (time.weekday, time.from, time.to)
    }
}
