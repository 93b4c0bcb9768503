import Access
import Database
import Dates
import Domain
import Foundation
import Repositories
import Service
import TestSupport
import Testing

@Suite("Migration 0019: two instructors and groups on existing bookings")
struct GroupsMigrationTests {
    @Test("an existing booking keeps its instructor busy after the migration, also against a second instructor")
    func existingBookings() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            let migrations = try Migration.load(from: TestDatabase.migrationsDirectory)
            try await Migrator(database: db, migrations: migrations.filter { $0.version < 19 }).migrate()
            // the schema as it was before 0019: rows written in SQL, since the services read later columns
            let (operatorId, schoolId, centerId) = (UUID(), UUID(), UUID())
            let (teacherId, mentorId) = (UUID(), UUID())
            try await db.query(
                """
                INSERT INTO organizations (id, name, kind) VALUES
                    (\(operatorId), '运营方', 'center_operator'), (\(schoolId), '学校', 'higher_vocational_college')
                """)
            try await db.query(
                "INSERT INTO centers (id, name, operator_id) VALUES (\(centerId), '迁移中心', \(operatorId))")
            try await db.query(
                """
                INSERT INTO instructors (id, center_id, organization_id, name, post_type, weekly_hour_cap) VALUES
                    (\(teacherId), \(centerId), \(schoolId), '老王', 'fixed', 40),
                    (\(mentorId), \(centerId), \(schoolId), '小李', 'fixed', 40)
                """)
            let old = UUID()
            try await db.query(
                """
                INSERT INTO bookings (id, center_id, organization_id, category, title, during, instructor_id)
                VALUES (\(old), \(centerId), \(operatorId), 'student_training', '旧课',
                        tstzrange('2026-03-02 08:00+08', '2026-03-02 10:00+08'), \(teacherId))
                """)
            try await Migrator(database: db, migrations: migrations).migrate()

            let rows = try await db.query(
                """
                SELECT (SELECT count(*)::int4 FROM booking_instructors WHERE booking_id = \(old)) AS busy,
                       (SELECT group_number::int4 FROM bookings WHERE id = \(old)) AS grp,
                       (SELECT second_instructor_id FROM bookings WHERE id = \(old)) AS second
                """)
            #expect(try rows.first!.decode("busy", as: Int.self) == 1)
            #expect(try rows.first!.decode("grp", as: Int?.self) == nil)
            #expect(try rows.first!.decode("second", as: UUID?.self) == nil)

            // the old booking's teacher cannot be a second instructor at that time: PostgreSQL says so
            let start = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02 08:00 +08:00
            let booking = Booking(
                id: UUID(), centerId: centerId, organizationId: operatorId, category: .studentTraining,
                title: "新课", start: start, end: start.addingTimeInterval(3_600), resources: [], instructorId: mentorId,
                participants: 0, cohortIds: [], status: .confirmed, version: 1, secondInstructorId: teacherId)
            let refusal = await #expect(throws: DatabaseError.self) {
                try await db.withTransaction { try $0.run(BookingRepository().insertion(of: booking)) }
            }
            #expect(refusal.flatMap(BookingRefusal.init) == .instructorTaken)
            // cancelling the old booking frees its instructor
            try await db.query("UPDATE bookings SET status = 'cancelled' WHERE id = \(old)")
            try await db.withTransaction { try $0.run(BookingRepository().insertion(of: booking)) }
        }
    }
}
