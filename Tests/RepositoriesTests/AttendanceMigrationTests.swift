import Database
import Domain
import Foundation
import Repositories
import TestSupport
import Testing

@Suite("Migrating to attendance (0026)")
struct AttendanceMigrationTests {
    @Test(
        "a resource stored before 0026 reads back contributed by the center, at its old version; its bookings have no marks"
    )
    func existingResources() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            let migrations = try Migration.load(from: TestDatabase.migrationsDirectory)
            _ = try await Migrator(database: db, migrations: migrations.filter { $0.version < 26 }).migrate()
            let resourceId: UUID = try await db.query(
                """
                WITH operator AS (INSERT INTO organizations (name, kind) VALUES ('运营方', 'center_operator') RETURNING id),
                center AS (INSERT INTO centers (name, operator_id) SELECT '旧中心', id FROM operator RETURNING id)
                INSERT INTO resources (center_id, kind, name, seats, version) SELECT id, 'workshop', '数控车间', 40, 4 FROM center
                RETURNING id
                """
            ).first!.decode("id")
            let applied = try await Migrator(database: db, migrations: migrations).migrate()
            #expect(applied.map(\.version).contains(26))
            let resource = try #require(
                try await db.withConnection { try ResourceRepository().find(id: resourceId, on: $0) })
            #expect(resource.owner == .center && resource.version == 4 && resource.name == "数控车间")
            let marks: Int = try await db.query("SELECT count(*)::int4 AS n FROM attendance_marks").first!.decode("n")
            #expect(marks == 0)
        }
    }
}
