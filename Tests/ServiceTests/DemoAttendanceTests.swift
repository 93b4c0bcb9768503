import Database
import Foundation
import Service
import TestSupport
import Testing

@Suite("The demo's evidence")
struct DemoAttendanceTests {
    @Test("rosters, last week's attendance (late, absent, a correction, a session not held), outcomes and owners")
    func evidence() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            try await Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
                .migrate()
            _ = try await DemoCenter(database: db).load()
            let row = try #require(
                try await db.query(
                    """
                    SELECT (SELECT count(*) FROM participants WHERE cohort_id IS NOT NULL)::int4 AS students,
                           (SELECT count(*) FROM participants WHERE request_id IS NOT NULL)::int4 AS named,
                           (SELECT count(*) FROM attendance_marks WHERE mark = 'late')::int4 AS late,
                           (SELECT count(*) FROM attendance_marks WHERE mark = 'absent')::int4 AS absent,
                           (SELECT count(*) FROM attendance_marks WHERE source = 'correction')::int4 AS corrected,
                           (SELECT count(*) FROM audit_log WHERE entity = 'attendance_mark' AND action = 'correct')::int4 AS audited,
                           (SELECT count(*) FROM session_records WHERE not_held_reason IS NOT NULL)::int4 AS not_held,
                           (SELECT count(*) FROM session_records WHERE actual IS NOT NULL AND upper(actual) < now())::int4 AS held,
                           (SELECT count(*) FROM participant_outcomes WHERE completed)::int4 AS completed,
                           (SELECT count(*) FROM resources WHERE owner_kind <> 'center')::int4 AS owned
                    """
                ).first)
            #expect(try row.decode("students", as: Int.self) > 200)
            #expect(try row.decode("named", as: Int.self) >= 6 + 15)
            #expect(try row.decode("late", as: Int.self) > 0)
            #expect(try row.decode("absent", as: Int.self) > 0)
            #expect(try row.decode("corrected", as: Int.self) == 1)
            #expect(try row.decode("audited", as: Int.self) == 1)
            #expect(try row.decode("not_held", as: Int.self) == 1)
            #expect(try row.decode("held", as: Int.self) == 4)
            #expect(try row.decode("completed", as: Int.self) > 0)
            #expect(try row.decode("owned", as: Int.self) == 3)
        }
    }
}
