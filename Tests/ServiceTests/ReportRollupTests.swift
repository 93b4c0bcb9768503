import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// The reports' rollups (sql/0036_report_rollups.sql) against a recount from scratch, written here
/// again from the definitions in docs/reports.md, after each kind of write.
@Suite("Report rollups")
struct ReportRollupTests {
    /// The rollup rows of the center that a recount from scratch would not write, plus those it
    /// would write that are missing; and how many rows the recount has (so that zero differences
    /// is not an empty comparison).
    static func differences(_ centerId: UUID, on db: Database) async throws -> (differing: Int, rows: Int) {
        try await db.withConnection { connection in
            let row = try connection.query(
                """
                WITH sessions AS (
                    SELECT b.id AS booking_id, b.center_id, lower(b.during) AS starts_at,
                           lower(b.during) AT TIME ZONE c.time_zone AS local_start,
                           upper(b.during) AT TIME ZONE c.time_zone AS local_end, b.category, b.organization_id,
                           b.instructor_id, b.second_instructor_id,
                           coalesce((SELECT array_agg(br.resource_id ORDER BY br.resource_id) FROM booking_resources br
                                     WHERE br.booking_id = b.id), '{}') AS resource_ids,
                           date_part('epoch', upper(b.during) - lower(b.during)) / 3600 AS booked,
                           date_part('epoch', coalesce(upper(r.actual) - lower(r.actual), upper(b.during) - lower(b.during))) / 3600 AS hours,
                           r.not_held_reason,
                           r.not_held_reason IS NULL AND (r.actual IS NOT NULL OR EXISTS (
                               SELECT 1 FROM attendance_marks m WHERE m.booking_id = b.id AND m.mark <> 'absent')) AS used
                    FROM bookings b JOIN centers c ON c.id = b.center_id LEFT JOIN session_records r ON r.booking_id = b.id
                    WHERE b.center_id = \(centerId) AND b.status = 'confirmed'
                ), marks AS (
                    SELECT s.booking_id, m.organization_id, s.center_id, s.starts_at, s.category,
                           s.not_held_reason IS NULL AS held, s.hours, count(*)::int AS marks,
                           (count(*) FILTER (WHERE m.mark = 'absent'))::int AS absent,
                           (count(*) FILTER (WHERE m.mark = 'late'))::int AS late,
                           (count(*) FILTER (WHERE m.source = 'correction'))::int AS corrected
                    FROM sessions s JOIN attendance_marks m ON m.booking_id = s.booking_id
                    GROUP BY s.booking_id, m.organization_id, s.center_id, s.starts_at, s.category, s.not_held_reason, s.hours
                ), days AS (
                    SELECT DISTINCT m.participant_id, m.organization_id, s.center_id, s.category, s.local_start::date AS day
                    FROM sessions s JOIN attendance_marks m ON m.booking_id = s.booking_id
                    WHERE s.not_held_reason IS NULL AND m.mark <> 'absent'
                ), presence AS (
                    SELECT participant_id, organization_id, center_id, category, day,
                           EXISTS (SELECT 1 FROM participant_presence p
                                   WHERE (p.participant_id, p.organization_id, p.center_id, p.category)
                                         = (d.participant_id, d.organization_id, d.center_id, d.category)
                                     AND p.days @> d.day) AS kept
                    FROM days d
                ), rolled AS (
                    SELECT booking_id, center_id, starts_at, local_start, local_end, category, organization_id,
                           instructor_id, second_instructor_id, resource_ids, booked, hours, not_held_reason, used
                    FROM session_tallies WHERE center_id = \(centerId)
                ), rolled_marks AS (
                    SELECT * FROM session_mark_tallies WHERE center_id = \(centerId)
                )
                SELECT (SELECT count(*) FROM (SELECT * FROM sessions EXCEPT SELECT * FROM rolled) x)
                     + (SELECT count(*) FROM (SELECT * FROM rolled EXCEPT SELECT * FROM sessions) x)
                     + (SELECT count(*) FROM (SELECT * FROM marks EXCEPT SELECT * FROM rolled_marks) x)
                     + (SELECT count(*) FROM (SELECT * FROM rolled_marks EXCEPT SELECT * FROM marks) x)
                     + (SELECT count(*) FROM presence WHERE NOT kept)
                     -- days of presence beyond the recount's
                     + (SELECT coalesce(sum(upper(r) - lower(r)), 0) FROM participant_presence p, unnest(p.days) AS r
                        WHERE p.center_id = \(centerId))
                     - (SELECT count(*) FROM days) AS differing,
                       (SELECT count(*) FROM sessions) + (SELECT count(*) FROM marks) + (SELECT count(*) FROM days) AS rows
                """
            ).first!
            return (Int(try row.decode("differing", as: Int64.self)), Int(try row.decode("rows", as: Int64.self)))
        }
    }

    /// Expects the rollups of the center to equal their recount.
    static func expectExact(_ centerId: UUID, after write: String, on db: Database) async throws {
        let (differing, rows) = try await differences(centerId, on: db)
        #expect(differing == 0, "rollups differ from their recount after \(write)")
        #expect(rows > 0)
    }

    @Test(
        "the rollups equal their recount after booking, marks, a correction, actual times, a move, a cancellation, 'did not take place', a purge and a new time zone"
    )
    func exactAfterEveryWrite() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let center = fixture.center
            let manager = try await center.manager()
            let centerId = center.center.id
            let marks = AttendanceService(database: db)
            let bookings = BookingService(database: db, now: TestClock.term)
            try await Self.expectExact(centerId, after: "a booking", on: db)

            _ = try await marks.mark(
                AttendanceMarks(
                    allPresent: true,
                    marks: [
                        .init(participantId: fixture.students[1].id, mark: .late),
                        .init(participantId: fixture.students[2].id, mark: .absent),
                    ]),
                session: fixture.session.id, now: AttendanceFixture.at(8, 5), as: fixture.instructorCaller)
            try await Self.expectExact(centerId, after: "marks", on: db)
            let rolled = try await db.withConnection {
                try $0.query(
                    "SELECT marks, absent, late FROM session_mark_tallies WHERE booking_id = \(fixture.session.id)"
                ).first!
            }
            #expect(try rolled.decode("marks", as: Int32.self) == 3 && rolled.decode("absent", as: Int32.self) == 1)

            let corrected = try await marks.correct(
                AttendanceCorrection(participantId: fixture.students[2].id, mark: .present, reason: "病假条有误"),
                session: fixture.session.id, as: manager)
            try await Self.expectExact(centerId, after: "a correction", on: db)

            _ = try await marks.report(
                SessionReport(actualStart: AttendanceFixture.at(8, 10), actualEnd: AttendanceFixture.at(9, 40)),
                session: fixture.session.id, version: corrected.record.version, as: manager)
            try await Self.expectExact(centerId, after: "actual times", on: db)

            // moved to Wednesday on the mill: its marks' day of presence moves with it
            let session = try await bookings.booking(fixture.session.id, as: .system)
            _ = try await bookings.move(
                session.id,
                BookingChange(
                    start: CenterFixture.time(14, day: 4), end: CenterFixture.time(16, day: 4),
                    resources: [.init(resourceId: center.mill.id)], reason: "设备调配"),
                version: session.version, as: manager)
            try await Self.expectExact(centerId, after: "a move", on: db)

            let notHeld = try await bookings.book(
                center.booking(
                    [.init(resourceId: center.lathe.id)], from: 16, to: 18, cohortIds: [fixture.cohort.id]),
                in: centerId, as: .system)
            let roster = try await marks.mark(
                AttendanceMarks(allPresent: true), session: notHeld.id, now: CenterFixture.time(16, 5), as: manager)
            try await Self.expectExact(centerId, after: "marks of a second session", on: db)
            _ = try await marks.report(
                SessionReport(notHeld: .init(reason: .equipmentFailure)), session: notHeld.id,
                version: roster.record.version, as: manager)
            try await Self.expectExact(centerId, after: "'did not take place'", on: db)

            let cancelled = try await bookings.booking(fixture.session.id, as: .system)
            _ = try await bookings.cancel(cancelled.id, version: cancelled.version, as: .system)
            try await Self.expectExact(centerId, after: "a cancellation", on: db)
            let left = try await db.withConnection {
                try $0.query("SELECT count(*) AS n FROM session_tallies WHERE booking_id = \(cancelled.id)").first!
                    .decode("n", as: Int64.self)
            }
            #expect(left == 0)

            try await db.withConnection { connection in
                try connection.query("DELETE FROM bookings WHERE id = \(notHeld.id)")
                try connection.query("UPDATE centers SET time_zone = 'Asia/Tokyo' WHERE id = \(centerId)")
            }
            let kept = try await bookings.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10, cohortIds: [fixture.cohort.id]),
                in: centerId, as: .system)
            _ = try await marks.mark(
                AttendanceMarks(allPresent: true), session: kept.id, now: CenterFixture.time(8, 5), as: manager)
            try await Self.expectExact(centerId, after: "a purge and a new time zone", on: db)
        }
    }

    @Test("the rollups equal their recount after simultaneous marks, corrections and moves of sessions sharing people")
    func exactAfterSimultaneousWrites() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let center = fixture.center
            let centerId = center.center.id
            let participants = ParticipantService(database: db)
            var students = fixture.students
            for number in 4...12 {
                students.append(
                    try await participants.addStudent(
                        NewParticipant(name: "学生\(number)", number: "24010\(number + 10)", group: 1),
                        to: fixture.cohort.id, as: .system))
            }
            let second = try await BookingService(database: db, now: TestClock.term).book(
                center.booking([.init(resourceId: center.mill.id)], from: 10, to: 12, cohortIds: [fixture.cohort.id]),
                in: centerId, as: .system)
            let sessions = [fixture.session.id, second.id]
            let people = students
            // each person marked at both sessions of the day and then marked again, beside a session moved
            // to another day and back and a "did not take place" recorded and taken back, all at once
            try await withThrowingTaskGroup(of: Void.self) { group in
                for (index, person) in people.enumerated() {
                    group.addTask {
                        try await db.withTransaction { connection in
                            for session in sessions {
                                try connection.query(
                                    """
                                    INSERT INTO attendance_marks (booking_id, participant_id, organization_id, mark, source)
                                    VALUES (\(session), \(person.id), \(person.organizationId),
                                            \(index % 3 == 0 ? "absent" : "present")::attendance_mark, 'instructor')
                                    """)
                            }
                        }
                        try await db.withTransaction { connection in
                            try connection.query(
                                """
                                UPDATE attendance_marks SET mark = \(index % 2 == 0 ? "late" : "absent")::attendance_mark,
                                       source = 'correction', reason = '更正'
                                WHERE booking_id = \(sessions[index % 2]) AND participant_id = \(person.id)
                                """)
                        }
                    }
                }
                for shift in ["1 day", "-1 day"] {
                    group.addTask {
                        _ = try await db.withTransaction { connection in
                            try connection.query(
                                """
                                UPDATE bookings SET during = tstzrange(lower(during) + \(shift)::interval,
                                                                       upper(during) + \(shift)::interval)
                                WHERE id = \(second.id)
                                """)
                        }
                    }
                }
                group.addTask {
                    try await db.withTransaction { connection in
                        try connection.query(
                            """
                            INSERT INTO session_records (booking_id, not_held_reason) VALUES (\(fixture.session.id), 'holiday')
                            ON CONFLICT (booking_id) DO UPDATE SET not_held_reason = 'holiday'
                            """)
                    }
                    try await db.withTransaction { connection in
                        try connection.query(
                            "UPDATE session_records SET not_held_reason = NULL WHERE booking_id = \(fixture.session.id)"
                        )
                    }
                }
                try await group.waitForAll()
            }
            try await Self.expectExact(centerId, after: "simultaneous writes", on: db)
            let present = try await db.withConnection {
                try $0.query(
                    "SELECT count(*) AS n FROM participant_presence WHERE center_id = \(centerId)"
                ).first!.decode("n", as: Int64.self)
            }
            #expect(present > 0)
        }
    }
}
