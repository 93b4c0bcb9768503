import Database
import Domain
import Foundation
import Repositories
import TestSupport
import Testing

@Suite("Migrating classes to free times")
struct CohortMigrationTests {
    @Test("a class stored before 0018 reads back free any time, without travel, at its old version")
    func existingClasses() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            let migrations = try Migration.load(from: TestDatabase.migrationsDirectory)
            let before = migrations.filter { $0.version < 18 }
            _ = try await Migrator(database: db, migrations: before).migrate()
            let cohortId: UUID = try await db.query(
                """
                WITH school AS (INSERT INTO organizations (name, kind) VALUES ('旧学校', 'secondary_vocational_school') RETURNING id)
                INSERT INTO cohorts (organization_id, name, size, version) SELECT id, '数控2201', 42, 3 FROM school
                RETURNING id
                """
            ).first!.decode("id")
            let applied = try await Migrator(database: db, migrations: migrations).migrate()
            #expect(applied.map(\.version).contains(18))
            let cohort = try #require(
                try await db.withConnection { try PeopleRepository().cohort(id: cohortId, on: $0) })
            #expect(cohort.availability == .anyTime && !cohort.availability.isRestricted)
            #expect(cohort.name == "数控2201" && cohort.size == 42 && cohort.version == 3)
        }
    }
}
