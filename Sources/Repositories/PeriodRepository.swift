public import Database
import Dates
public import Domain
public import Foundation

/// Reads and replaces a center's bell periods (``PeriodSchedule``), stored one row per weekday and
/// period and read back with weekdays of the same periods grouped into one set.
public struct PeriodRepository: Sendable {
    public init() {}

    /// The center's periods; version 0 and no sets before the first write.
    public func schedule(centerId: UUID, on connection: Connection) throws -> PeriodSchedule {
        try connection.run(scheduleQuery(centerId: centerId))
    }

    /// ``schedule(centerId:on:)`` as a query, to send in a pipeline.
    public func scheduleQuery(centerId: UUID) -> Query<PeriodSchedule> {
        Query(
            """
            SELECT coalesce((SELECT version FROM center_period_schedules WHERE center_id = \(centerId)), 0) AS version,
              (SELECT coalesce(json_agg(json_build_object('weekday', weekday, 'number', number, 'label', label,
                                        'start', left(starts::text, 5), 'end', left(ends::text, 5))
                                        ORDER BY weekday, starts), '[]')
               FROM center_periods WHERE center_id = \(centerId)) AS periods
            """
        ) { rows in
            let row = rows.first!
            let stored: [StoredPeriod] = try row.decode("periods", as: JSONB.self).decode()
            return PeriodSchedule(version: try row.decode("version"), sets: Self.sets(of: stored))
        }
    }

    /// Replaces the whole schedule and bumps its version; the caller holds the center's row lock.
    public func replace(_ schedule: PeriodSchedule, centerId: UUID, on connection: Connection) throws -> PeriodSchedule
    {
        try connection.query(
            """
            INSERT INTO center_period_schedules (center_id) VALUES (\(centerId))
            ON CONFLICT (center_id) DO UPDATE SET version = center_period_schedules.version + 1
            """)
        try connection.query("DELETE FROM center_periods WHERE center_id = \(centerId)")
        for set in schedule.sets {
            for weekday in set.weekdays {
                for period in set.periods {
                    try connection.query(
                        """
                        INSERT INTO center_periods (center_id, weekday, number, label, starts, ends)
                        VALUES (\(centerId), \(weekday)::int2, \(period.number)::int2, \(period.label),
                                \(period.start)::time, \(period.end)::time)
                        """)
                }
            }
        }
        return try self.schedule(centerId: centerId, on: connection)
    }

    /// Weekdays with the same periods, grouped into one set each, in the order of their first weekday.
    private static func sets(of stored: [StoredPeriod]) -> [PeriodSet] {
        var sets: [PeriodSet] = []
        for weekday in 1...7 {
            let periods = stored.filter { $0.weekday == weekday }.map(\.period)
            guard !periods.isEmpty else { continue }
            if let index = sets.firstIndex(where: { $0.periods == periods }) {
                sets[index].weekdays.append(weekday)
            } else {
                sets.append(PeriodSet(weekdays: [weekday], periods: periods))
            }
        }
        return sets
    }
}

/// A row of `center_periods` as the schedule query returns it.
private struct StoredPeriod: Decodable {
    var weekday: Int
    var number: Int
    var label: String
    var start: ClockTime
    var end: ClockTime

    var period: Period { Period(number: number, label: label, start: start, end: end) }
}

extension PeriodRepository {
    /// The bell periods each booking coincides with at its center: it starts at one period's start
    /// and ends at a later (or the same) period's end, on one local day of the center's time zone,
    /// among the periods of the day's timetable weekday (a 调休 make-up day's assigned one).
    /// - Returns: by booking id; bookings that coincide with no periods are absent.
    public func periodSpans(bookingIds: [UUID], on connection: Connection) throws -> [UUID: PeriodSpan] {
        guard !bookingIds.isEmpty else { return [:] }
        let ids = bookingIds.map { $0.uuidString.lowercased() }
        let rows = try connection.query(
            """
            SELECT b.id, p1.number::int4 AS "from", p2.number::int4 AS "to"
            FROM bookings b
            JOIN centers c ON c.id = b.center_id
            CROSS JOIN LATERAL (SELECT lower(b.during) AT TIME ZONE c.time_zone AS starts,
                                       upper(b.during) AT TIME ZONE c.time_zone AS ends) AS l
            LEFT JOIN calendar_days d ON d.day = l.starts::date AND d.kind = 'makeup_workday'
            JOIN center_periods p1 ON p1.center_id = b.center_id
             AND p1.weekday = coalesce(d.follows_weekday, extract(isodow FROM l.starts)::int2)
             AND p1.starts = l.starts::time
            JOIN center_periods p2 ON p2.center_id = b.center_id AND p2.weekday = p1.weekday
             AND p2.ends = l.ends::time AND p2.number >= p1.number
            WHERE b.id = ANY(\(ids)::uuid[]) AND l.ends::date = l.starts::date
            """)
        return Dictionary(
            try rows.map { row in
                (
                    try row.decode("id", as: UUID.self),
                    PeriodSpan(from: try row.decode("from"), to: try row.decode("to"))
                )
            }, uniquingKeysWith: { first, _ in first })
    }

    /// `entries` with the bell periods each coincides with (``TimetableEntry/periods``); read before
    /// they are shown to a reader, while they still carry their booking ids.
    public func withPeriods(_ entries: [TimetableEntry], on connection: Connection) throws -> [TimetableEntry] {
        let spans = try periodSpans(bookingIds: entries.compactMap(\.bookingId), on: connection)
        guard !spans.isEmpty else { return entries }
        return entries.map { entry in
            var entry = entry
            entry.periods = entry.bookingId.flatMap { spans[$0] }
            return entry
        }
    }
}
