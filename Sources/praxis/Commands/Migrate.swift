import ArgumentParser
import Database
import Foundation
import Logging

/// `praxis migrate`: apply pending migrations, or list them with `--dry-run`.
struct Migrate: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Apply pending SQL migrations.",
        discussion: "Refuses to run when an applied migration file was edited, renamed or removed.")

    @Flag(help: "List pending migrations without applying them; exit 1 when any are pending.")
    var dryRun = false

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let logger = bootstrapLogging(level: .warning)
        let pool = Database(configuration: database.databaseConfiguration, logger: logger)
        do {
            try await migrate(pool)
            await pool.shutdown()
        } catch {
            await pool.shutdown()
            switch error {
            case let error as MigrationError:
                printError(error.message)
                throw ExitCode(2)
            case let error as DatabaseError:
                printError("\(error.description): \(error.message)")
                throw ExitCode(2)
            default:
                throw error
            }
        }
    }

    private func migrate(_ pool: Database) async throws {
        let migrator = Migrator(database: pool, migrations: try Migration.load(from: database.migrationsDirectory))
        guard dryRun else {
            let applied = try await migrator.migrate()
            for migration in applied { print("applied \(migration.fileName)") }
            print(applied.isEmpty ? "up to date" : "\(applied.count) applied")
            return
        }
        let pending = try await migrator.pending()
        for migration in pending { print("pending \(migration.fileName)") }
        print(pending.isEmpty ? "up to date" : "\(pending.count) pending")
        if !pending.isEmpty { throw ExitCode(1) }
    }
}

/// Writes a line to standard error.
func printError(_ message: String) {
    FileHandle.standardError.write(Data((message + "\n").utf8))
}
