import Database
import Foundation
import TestSupport
import Testing

@Suite("Migrations")
struct MigratorTests {
    /// A parent folder for this suite's migration folders, removed when the suite instance ends.
    let scratch = Scratch()

    final class Scratch: Sendable {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "praxis-migrations-\(UUID().uuidString)")
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    func folder(_ files: [String: String]) throws -> URL {
        let url = scratch.url.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        for (name, text) in files {
            try text.write(to: url.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return url
    }

    @Test("the repository's migrations apply once, in order, and then nothing is pending")
    func repositoryMigrations() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            let migrations = try Migration.load(from: TestDatabase.migrationsDirectory)
            #expect(migrations.first?.name == "schema_migrations")
            #expect(migrations.map(\.version) == migrations.map(\.version).sorted())
            let migrator = Migrator(database: db, migrations: migrations)
            #expect(try await migrator.pending().count == migrations.count)
            #expect(try await migrator.isCurrent() == false)
            #expect(try await migrator.migrate().count == migrations.count)
            #expect(try await migrator.pending().isEmpty)
            #expect(try await migrator.migrate().isEmpty)
            #expect(try await migrator.isCurrent())
            #expect(try await db.rowCount("schema_migrations") == migrations.count)
        }
    }

    @Test("an edited, missing or unknown migration stops the runner")
    func refusals() async throws {
        let original = [
            "0001_schema_migrations.sql": try String(
                contentsOf: TestDatabase.migrationsDirectory.appendingPathComponent("0001_schema_migrations.sql"),
                encoding: .utf8),
            "0002_things.sql": "CREATE TABLE things (id int);",
        ]
        try await TestDatabase.withEmptyDatabase { db, _ in
            try await Migrator(database: db, migrations: try Migration.load(from: try folder(original))).migrate()

            var edited = original
            edited["0002_things.sql"] = "CREATE TABLE things (id bigint);"
            let editedRun = Migrator(database: db, migrations: try Migration.load(from: try folder(edited)))
            let mismatch = await #expect(throws: MigrationError.self) { try await editedRun.migrate() }
            #expect(mismatch?.code == .checksumMismatch)
            #expect(mismatch?.message.contains("0002_things.sql") == true)

            var renamed = original
            renamed["0002_stuff.sql"] = renamed.removeValue(forKey: "0002_things.sql")
            let renamedRun = Migrator(database: db, migrations: try Migration.load(from: try folder(renamed)))
            #expect(await #expect(throws: MigrationError.self) { try await renamedRun.pending() }?.code == .missingFile)

            let olderBuild = Migrator(
                database: db,
                migrations: try Migration.load(
                    from: try folder(["0001_schema_migrations.sql": original["0001_schema_migrations.sql"]!])))
            #expect(
                await #expect(throws: MigrationError.self) { try await olderBuild.pending() }?.code == .unknownApplied)
        }
    }

    @Test("a failing migration leaves nothing behind, and the earlier ones stay applied")
    func failingMigrationIsAtomic() async throws {
        let files = [
            "0001_schema_migrations.sql": try String(
                contentsOf: TestDatabase.migrationsDirectory.appendingPathComponent("0001_schema_migrations.sql"),
                encoding: .utf8),
            "0002_half.sql": "CREATE TABLE half (id int); SELECT no_such_function();",
        ]
        try await TestDatabase.withEmptyDatabase { db, _ in
            let migrator = Migrator(database: db, migrations: try Migration.load(from: try folder(files)))
            await #expect(throws: DatabaseError.self) { try await migrator.migrate() }
            #expect(try await migrator.pending().map(\.version) == [2])
            let half = try await db.query("SELECT to_regclass('half') IS NULL AS gone").first!
            #expect(try half.decode("gone", as: Bool.self))
        }
    }

    @Test("badly named files are refused with the file's name")
    func badNames() throws {
        let url = try folder(["create_things.sql": "SELECT 1;"])
        let error = #expect(throws: MigrationError.self) { try Migration.load(from: url) }
        #expect(error?.message.contains("create_things.sql") == true)
    }
}
