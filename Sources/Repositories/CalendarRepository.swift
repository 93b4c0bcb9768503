public import Database
public import Dates
public import Domain
public import Foundation

/// Reads and writes opening hours, closures and the national calendar days.
public struct CalendarRepository: Sendable {
    public init() {}

    /// Replaces a center's weekly opening hours.
    public func replaceOpeningHours(_ week: [OpeningHours], centerId: UUID, on connection: Connection) throws {
        try connection.query("DELETE FROM center_opening_hours WHERE center_id = \(centerId)")
        for hours in week {
            try connection.query(
                """
                INSERT INTO center_opening_hours (center_id, weekday, opens, closes)
                VALUES (\(centerId), \(hours.weekday)::int2, \(hours.opens)::time, \(hours.closes)::time)
                """)
        }
    }

    /// A center's opening hours by weekday and time.
    public func openingHours(centerId: UUID, on connection: Connection) throws -> [OpeningHours] {
        try connection.query(
            """
            SELECT weekday::int4 AS weekday, left(opens::text, 5) AS opens, left(closes::text, 5) AS closes
            FROM center_opening_hours WHERE center_id = \(centerId) ORDER BY weekday, opens
            """
        ).map {
            OpeningHours(
                weekday: try $0.decode("weekday"), opens: try $0.decode("opens"), closes: try $0.decode("closes"))
        }
    }

    /// Adds a closure; returns it with its id.
    /// - Throws: ``DatabaseError`` 23P01 when it overlaps another closure of the center.
    public func insertClosure(
        _ closure: Closure, reason: String, centerId: UUID, on connection: Connection
    ) throws -> Closure {
        let rows = try connection.query(
            """
            INSERT INTO center_closures (center_id, days, reason)
            VALUES (\(centerId), daterange(\(closure.from)::date, \(closure.to)::date, '[]'), \(reason))
            RETURNING \(Self.closureColumns)
            """)
        return try Self.closure(from: rows.first!)
    }

    /// A center's closures by date.
    public func closures(centerId: UUID, on connection: Connection) throws -> [Closure] {
        try connection.query(
            "SELECT \(Self.closureColumns) FROM center_closures WHERE center_id = \(centerId) ORDER BY lower(days)"
        ).map(Self.closure(from:))
    }

    /// Deletes the center's closure with this id; returns it as it was, `nil` when there is none.
    public func deleteClosure(id: UUID, centerId: UUID, on connection: Connection) throws -> Closure? {
        try connection.query(
            """
            DELETE FROM center_closures WHERE id = \(id) AND center_id = \(centerId)
            RETURNING \(Self.closureColumns)
            """
        ).first.map(Self.closure(from:))
    }

    static let closureColumns: SQL = #"id, lower(days)::text AS "from", (upper(days) - 1)::text AS "to", reason"#

    static func closure(from row: Row) throws -> Closure {
        Closure(
            id: try row.decode("id"), from: try row.decode("from"), to: try row.decode("to"),
            reason: try row.decode("reason"))
    }

    /// Replaces the holidays and make-up working days of a year.
    public func replaceCalendarDays(_ days: [CalendarDay], year: Int, on connection: Connection) throws {
        try connection.query("DELETE FROM calendar_days WHERE extract(year FROM day) = \(year)")
        for day in days {
            try connection.query(
                """
                INSERT INTO calendar_days (day, kind, name, follows_weekday)
                VALUES (\(day.date)::date, \(day.kind.rawValue)::calendar_day_kind, \(day.name), \(day.followsWeekday.map(Int32.init))::int2)
                """)
        }
    }

    /// The holidays and make-up working days of a year, by date.
    public func calendarDays(year: Int, on connection: Connection) throws -> [CalendarDay] {
        try connection.query(
            """
            SELECT day::text AS date, kind::text AS kind, name, follows_weekday::int4 AS follows
            FROM calendar_days WHERE extract(year FROM day) = \(year) ORDER BY day
            """
        ).map(Self.calendarDay(from:))
    }

    private static func calendarDay(from row: Row) throws -> CalendarDay {
        CalendarDay(
            date: try row.decode("date"), kind: try row.decode("kind"), name: try row.decode("name"),
            followsWeekday: try row.decode("follows", as: Int?.self))
    }
}

extension CalendarRepository {
    /// The center's calendar for the dates `from` to `to`, read in one statement: its weekly
    /// hours, its closures and the national holidays and make-up days in that span.
    public func termCalendar(
        centerId: UUID, from: CalendarDate, to: CalendarDate, on connection: Connection
    ) throws -> TermCalendar {
        try connection.run(termCalendarQuery(centerId: centerId, from: from, to: to))
    }

    /// ``termCalendar(centerId:from:to:on:)`` as a query, to send in a pipeline.
    public func termCalendarQuery(centerId: UUID, from: CalendarDate, to: CalendarDate) -> Query<TermCalendar> {
        Query(
            """
            SELECT
              (SELECT coalesce(json_agg(json_build_object('weekday', weekday, 'opens', left(opens::text, 5),
                                                          'closes', left(closes::text, 5))), '[]')
               FROM center_opening_hours WHERE center_id = \(centerId)) AS hours,
              (SELECT coalesce(json_agg(json_build_object('from', lower(days)::text, 'to', (upper(days) - 1)::text, 'reason', reason)), '[]')
               FROM center_closures WHERE center_id = \(centerId) AND days && daterange(\(from), \(to), '[]')) AS closures,
              (SELECT coalesce(json_agg(json_build_object('date', day::text, 'kind', kind, 'name', name, 'followsWeekday', follows_weekday)), '[]')
               FROM calendar_days WHERE day BETWEEN \(from) AND \(to)) AS days
            """
        ) { rows in
            let row = rows.first!
            return TermCalendar(
                openingHours: try row.decode("hours", as: JSONB.self).decode(),
                closures: try row.decode("closures", as: JSONB.self).decode(),
                days: try row.decode("days", as: JSONB.self).decode())
        }
    }
}
