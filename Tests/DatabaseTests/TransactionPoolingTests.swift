import Database
import TestSupport
import Testing

/// A pool meant for a transaction pooler (PgBouncer's transaction mode), tried on PostgreSQL itself:
/// nothing is prepared on the server, and a session whose settings the pooler got wrong is refused.
/// `scripts/drill pgbouncer` runs the service through a real PgBouncer.
@Suite("Through a transaction pooler")
struct TransactionPoolingTests {
    static func withPooled(_ conninfo: String, _ body: (Database) async throws -> Void) async throws {
        let database = Database(
            configuration: DatabaseConfiguration(conninfo: conninfo, maxConnections: 1, transactionPooling: true))
        do {
            try await body(database)
            await database.shutdown()
        } catch {
            await database.shutdown()
            throw error
        }
    }

    @Test("statements and pipelines run unprepared, so any server session can take the next transaction")
    func nothingPrepared() async throws {
        try await Self.withPooled("options='-c TimeZone=UTC -c DateStyle=ISO'") { database throws in
            for i in 0..<3 {
                let one: Int = try await database.query("SELECT \(i)::int8 AS i").first!.decode("i")
                #expect(one == i)
            }
            let (a, b) = try await database.withTransaction { connection in
                try connection.pipeline(
                    Query("SELECT 1::int8 AS n") { try $0.first!.decode("n", as: Int.self) },
                    Query("SELECT \(2)::int8 AS n") { try $0.first!.decode("n", as: Int.self) })
            }
            #expect(a == 1 && b == 2)
            #expect(try await database.rowCount("pg_prepared_statements") == 0)
        }
    }

    @Test("a pooled session not in UTC is refused rather than misread")
    func wrongZoneRefused() async throws {
        try await Self.withPooled("options='-c TimeZone=Asia/Shanghai -c DateStyle=ISO'") { database throws in
            await #expect(throws: DatabaseError.self) { try await database.query("SELECT 1") }
        }
    }
}
