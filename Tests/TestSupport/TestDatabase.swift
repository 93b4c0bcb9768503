public import Database
public import Foundation
import Logging

/// The PostgreSQL that `scripts/test` started: libpq's `PG*` variables point at a migrated
/// database; tests that need an empty one create their own.
public enum TestDatabase {
    /// The repository's root folder, found from this file's path.
    public static let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The repository's `sql/` folder.
    public static var migrationsDirectory: URL { repositoryRoot.appendingPathComponent("sql") }

    static let logger: Logger = {
        var logger = Logger(label: "praxis.test")
        logger.logLevel = .warning
        return logger
    }()

    /// Runs `body` with a pool on the migrated test database, shut down afterwards.
    public static func withPool<T>(
        maxConnections: Int = 2, applicationName: String = "praxis-test", statementTimeout: Duration? = nil,
        _ body: (Database) async throws -> T
    ) async throws -> T {
        let database = Database(
            configuration: DatabaseConfiguration(
                maxConnections: maxConnections, applicationName: applicationName, statementTimeout: statementTimeout),
            logger: logger)
        do {
            let result = try await body(database)
            await database.shutdown()
            return result
        } catch {
            await database.shutdown()
            throw error
        }
    }

    /// Runs `body` with a pool on a new database holding every migration, dropped afterwards: for
    /// a test that must not share its rows (a job queue other tests' workers drain) with the others.
    public static func withMigratedDatabase<T>(
        maxConnections: Int = 2, _ body: (Database) async throws -> T
    ) async throws -> T {
        try await withEmptyDatabase(maxConnections: maxConnections) { database, _ in
            try await Migrator(database: database, migrations: try Migration.load(from: migrationsDirectory)).migrate()
            return try await body(database)
        }
    }

    /// Runs `body` with a pool on a new, empty database, dropped afterwards.
    public static func withEmptyDatabase<T>(
        maxConnections: Int = 2,
        _ body: (Database, String) async throws -> T
    ) async throws -> T {
        let name = "praxis_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "").prefix(16)
        let admin = Database(
            configuration: DatabaseConfiguration(conninfo: "dbname=postgres", maxConnections: 1), logger: logger)
        try await admin.query(SQL(unsafe: "CREATE DATABASE \(name)"))
        let database = Database(
            configuration: DatabaseConfiguration(conninfo: "dbname=\(name)", maxConnections: maxConnections),
            logger: logger)
        do {
            let result = try await body(database, String(name))
            await database.shutdown()
            try await admin.query(SQL(unsafe: "DROP DATABASE \(name) WITH (FORCE)"))
            await admin.shutdown()
            return result
        } catch {
            await database.shutdown()
            _ = try? await admin.query(SQL(unsafe: "DROP DATABASE \(name) WITH (FORCE)"))
            await admin.shutdown()
            throw error
        }
    }
}
