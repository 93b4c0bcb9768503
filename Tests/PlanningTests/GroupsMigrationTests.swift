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
            let organizations = OrganizationService(database: db)
            let operatorOrg = try await organizations.create(name: "运营方", kind: .centerOperator, as: .system)
            let center = try await CenterService(database: db).create(
                NewCenter(name: "迁移中心", operatorId: operatorOrg.id), as: .system)
            let school = try await organizations.create(name: "学校", kind: .higherVocationalCollege, as: .system)
            let teacher = try await organizations.addInstructor(
                NewInstructor(
                    organizationId: school.id, name: "老王", postType: .fixed, weeklyHourCap: 40,
                    skills: [.init(skill: "cnc.lathe")], availability: [.init(weekday: 1, from: "08:00", to: "18:00")]),
                to: center.id, as: .system)
            let mentor = try await organizations.addInstructor(
                NewInstructor(
                    organizationId: school.id, name: "小李", postType: .fixed, weeklyHourCap: 40,
                    skills: [.init(skill: "mentor.machining")],
                    availability: [.init(weekday: 1, from: "08:00", to: "18:00")]),
                to: center.id, as: .system)
            let old = UUID()
            try await db.query(
                """
                INSERT INTO bookings (id, center_id, organization_id, category, title, during, instructor_id)
                VALUES (\(old), \(center.id), \(operatorOrg.id), 'student_training', '旧课',
                        tstzrange('2026-03-02 08:00+08', '2026-03-02 10:00+08'), \(teacher.id))
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
                id: UUID(), centerId: center.id, organizationId: operatorOrg.id, category: .studentTraining,
                title: "新课", start: start, end: start.addingTimeInterval(3_600), resources: [], instructorId: mentor.id,
                participants: 0, cohortIds: [], status: .confirmed, version: 1, secondInstructorId: teacher.id)
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
