import Database
import Foundation
import TestSupport
import Testing

@Suite("Catalogue migration")
struct CatalogueMigrationTests {
    @Test("0020 seeds each existing center's catalogue from the tags its resources, instructors and requests use")
    func seedsExistingTags() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            let all = try Migration.load(from: TestDatabase.migrationsDirectory)
            try await Migrator(database: db, migrations: all.filter { $0.version < 20 }).migrate()
            let center: UUID = try await db.query(
                """
                WITH o AS (INSERT INTO organizations (name, kind) VALUES ('运营', 'center_operator') RETURNING id)
                INSERT INTO centers (name, operator_id) SELECT '中心', id FROM o RETURNING id
                """
            ).first!.decode("id")
            let other: UUID = try await db.query(
                "INSERT INTO centers (name, operator_id) SELECT '别的中心', operator_id FROM centers RETURNING id"
            ).first!.decode("id")
            try await db.query(
                """
                INSERT INTO resources (center_id, kind, name, capabilities, seats)
                VALUES (\(center), 'room', '实验室', '{plc,cnc.lathe}', 30), (\(other), 'room', '教室', '{classroom}', 40)
                """)
            try await db.query(
                """
                WITH i AS (
                    INSERT INTO instructors (center_id, organization_id, name, post_type, weekly_hour_cap)
                    SELECT \(center), operator_id, '王老师', 'fixed', 20 FROM centers WHERE id = \(center) RETURNING id)
                INSERT INTO instructor_skills (instructor_id, skill) SELECT id, s FROM i, unnest('{plc,electrician}'::text[]) s
                """)
            try await db.query(
                """
                INSERT INTO requests (center_id, organization_id, category, title, details)
                SELECT \(center), operator_id, 'student_training'::category, '实训',
                       '{"capability": "welding.robot", "instructorSkills": ["safety.training"]}'::jsonb
                FROM centers WHERE id = \(center)
                UNION ALL
                SELECT \(center), operator_id, 'employee_upskilling'::category, '培训', '{"skill": "cnc.mill"}'::jsonb
                FROM centers WHERE id = \(center)
                """)
            try await Migrator(database: db, migrations: all.filter { $0.version <= 20 }).migrate()
            let rows = try await db.query(
                """
                SELECT center_id, tag, label_zh, label_en, kind::text AS kind, status::text AS status
                FROM capability_catalogue ORDER BY center_id = \(center) DESC, tag
                """)
            let seeded = try rows.map {
                (
                    try $0.decode("center_id", as: UUID.self), try $0.decode("tag", as: String.self),
                    try $0.decode("kind", as: String.self)
                )
            }
            let mine = seeded.filter { $0.0 == center }.map { "\($0.1):\($0.2)" }
            #expect(
                mine == [
                    "cnc.lathe:equipment", "cnc.mill:skill", "electrician:skill", "plc:equipment",
                    "safety.training:skill", "welding.robot:equipment",
                ])
            #expect(seeded.filter { $0.0 == other }.map(\.1) == ["classroom"])
            #expect(
                try rows.allSatisfy { try $0.decode("label_zh", as: String.self) == $0.decode("tag", as: String.self) })
            #expect(try rows.allSatisfy { try $0.decode("status", as: String.self) == "active" })
        }
    }
}
