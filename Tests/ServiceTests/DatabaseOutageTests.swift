import Access
import Database
import Service
import TestSupport
import Testing

@Suite("Database failures answered as outages")
struct DatabaseOutageTests {
    @Test("a statement past the pool's timeout is cancelled, answered as an outage, and the connection serves on")
    func slowStatementIsCancelled() async throws {
        try await TestDatabase.withPool(maxConnections: 1, statementTimeout: .seconds(1)) { db throws in
            let setting: String = try await db.query("SHOW statement_timeout").first!.decode("statement_timeout")
            #expect(setting == "1s")
            do {
                try await db.query("SELECT pg_sleep(30)")
                Issue.record("a 30 s statement outlived a 1 s timeout")
            } catch {
                #expect((error as? DatabaseError)?.sqlState == .queryCanceled)
                guard case .unavailable = ServiceError(databaseFailure: error) else {
                    Issue.record("a cancelled statement was not an outage: \(error)")
                    return
                }
            }
            let one: Int = try await db.query("SELECT 1 AS one").first!.decode("one")
            #expect(one == 1)
        }
    }

    @Test("a write a read-only server refuses is an outage, not an internal error")
    func readOnlyWriteIsAnOutage() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db throws in
            do {
                try await db.withTransaction { connection in
                    try connection.query("SET TRANSACTION READ ONLY")
                    try connection.query("UPDATE organizations SET name = name WHERE false")
                }
                Issue.record("a read-only transaction wrote")
            } catch {
                #expect((error as? DatabaseError)?.sqlState == .readOnlyTransaction)
                guard case .unavailable = ServiceError(databaseFailure: error) else {
                    Issue.record("a refused write was not an outage: \(error)")
                    return
                }
            }
        }
    }
}
