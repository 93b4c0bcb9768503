/// Applies `sql/` migrations in order, each once, each in its own transaction, and refuses to run
/// when what was applied is no longer a prefix of the files (a file edited, renamed or removed).
///
/// `0001` creates `schema_migrations` itself, so no DDL lives outside `sql/`. Checksums are
/// SHA-256 of the file text, computed by PostgreSQL. Concurrent migrators serialise on an
/// advisory lock.
public struct Migrator: Sendable {
    public let database: Database
    public let migrations: [Migration]

    /// A fixed key for the migration advisory lock.
    static let lockKey = 7_243_411_001

    public init(database: Database, migrations: [Migration]) {
        self.database = database
        self.migrations = migrations
    }

    /// The migrations not applied yet, after checking the applied ones against their files.
    /// - Throws: ``MigrationError`` on any inconsistency, ``DatabaseError`` when unreachable.
    public func pending() async throws -> [Migration] {
        let migrations = migrations
        return try await database.withConnection { connection in
            try Self.pending(migrations, on: connection)
        }
    }

    /// Applies every pending migration, in order; returns what it applied.
    @discardableResult
    public func migrate() async throws -> [Migration] {
        let migrations = migrations
        return try await database.withConnection { connection in
            try connection.query("SELECT pg_advisory_lock(\(Self.lockKey))")
            defer { _ = try? connection.query("SELECT pg_advisory_unlock(\(Self.lockKey))") }
            let pending = try Self.pending(migrations, on: connection)
            for migration in pending {
                try connection.inTransaction(isolation: .readCommitted) { connection in
                    try connection.execute(script: migration.sql)
                    try connection.query(
                        """
                        INSERT INTO schema_migrations (version, name, checksum)
                        VALUES (\(migration.version), \(migration.name), \(Self.checksumSQL(migration)))
                        """)
                }
            }
            return pending
        }
    }

    /// Whether every known migration is applied and nothing else: a cheap check for readiness
    /// probes (names and versions only, no checksums).
    public func isCurrent() async throws -> Bool {
        let expected = migrations.map { "\($0.version) \($0.name)" }
        return try await database.withConnection { connection in
            try Self.appliedVersions(on: connection).map { "\($0.version) \($0.name)" } == expected
        }
    }

    private static func checksumSQL(_ migration: Migration) -> SQL {
        "encode(sha256(convert_to(\(migration.sql), 'UTF8')), 'hex')"
    }

    private static func appliedVersions(on connection: Connection) throws -> [(version: Int, name: String)] {
        let exists = try connection.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        guard try exists.first?.decode("present", as: Bool.self) == true else { return [] }
        return try connection.query("SELECT version, name FROM schema_migrations ORDER BY version").map { row in
            (try row.decode("version"), try row.decode("name"))
        }
    }

    private static func pending(_ migrations: [Migration], on connection: Connection) throws -> [Migration] {
        let applied = try appliedVersions(on: connection)
        for (index, record) in applied.enumerated() {
            guard index < migrations.count else {
                throw MigrationError(
                    .unknownApplied,
                    "The database has migration \(Migration.fileName(version: record.version, name: record.name)), which this build does not know. Deploy a build that has it."
                )
            }
            let migration = migrations[index]
            guard migration.version == record.version, migration.name == record.name else {
                throw MigrationError(
                    .missingFile,
                    "Applied migration \(Migration.fileName(version: record.version, name: record.name)) is missing or renamed (found \(migration.fileName) in its place). Migrations are forward-only: restore the file."
                )
            }
            let same = try connection.query(
                "SELECT checksum = \(checksumSQL(migration)) AS same FROM schema_migrations WHERE version = \(record.version)"
            )
            guard try same.first?.decode("same", as: Bool.self) == true else {
                throw MigrationError(
                    .checksumMismatch,
                    "Migration \(migration.fileName) was edited after it was applied. Restore it and add a new migration instead."
                )
            }
        }
        return Array(migrations.dropFirst(applied.count))
    }
}
