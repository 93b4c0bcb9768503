import Database
import Foundation
import TestSupport
import Testing

@Suite("Connection pool")
struct PoolTests {
    @Test("64 concurrent queries share 4 connections and all succeed")
    func boundedUnderConcurrency() async throws {
        let name = "pool-test-\(UUID().uuidString.prefix(8))"
        try await TestDatabase.withPool(maxConnections: 4, applicationName: name) { db in
            let results = try await withThrowingTaskGroup(of: Int.self) { group in
                for i in 0..<64 {
                    group.addTask {
                        let row = try await db.query("SELECT \(i)::int8 AS i, pg_sleep(0.005)").first!
                        return try row.decode("i", as: Int.self)
                    }
                }
                return try await group.reduce(into: [Int]()) { $0.append($1) }
            }
            #expect(results.sorted() == Array(0..<64))
            #expect(await db.openConnections <= 4)
            let others = try await db.rowCount(
                "pg_stat_activity WHERE application_name = \(name) AND pid <> pg_backend_pid()")
            #expect(others <= 3)
        }
    }

    @Test("a connection killed by the server is replaced on next use")
    func brokenConnectionIsReplaced() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let first = try await db.query("SELECT pg_backend_pid() AS pid").first!.decode("pid", as: Int.self)
            try await TestDatabase.withPool(maxConnections: 1) { other in
                let killed = try await other.query("SELECT pg_terminate_backend(\(first)::int4) AS ok").first!
                #expect(try killed.decode("ok", as: Bool.self))
                // wait until the server has really ended that backend
                while try await other.rowCount("pg_stat_activity WHERE pid = \(first)::int4") > 0 {
                    await Task.yield()
                }
            }
            let second = try await db.query("SELECT pg_backend_pid() AS pid").first!.decode("pid", as: Int.self)
            #expect(second != first)
        }
    }

    @Test("an unreachable server is a connection failure, and the pool keeps working once it is back")
    func unreachable() async throws {
        let db = Database(
            configuration: DatabaseConfiguration(conninfo: "host=127.0.0.1 port=1 connect_timeout=2", maxConnections: 1)
        )
        let error = await #expect(throws: DatabaseError.self) { try await db.query("SELECT 1") }
        #expect(error?.code == .connectionFailure)
        #expect(await db.openConnections == 0)
        await db.shutdown()
        let closed = await #expect(throws: DatabaseError.self) { try await db.query("SELECT 1") }
        #expect(closed?.code == .poolClosed)
    }

    @Test("a server error leaves the connection usable")
    func serverErrorKeepsConnection() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let error = await #expect(throws: DatabaseError.self) { try await db.query("SELECT * FROM no_such_table") }
            #expect(error?.sqlState == .undefinedTable)
            #expect(error?.description.contains("no_such_table") == false)
            let value = try await db.query("SELECT 2 AS two").first!.decode("two", as: Int.self)
            #expect(value == 2)
            #expect(await db.openConnections == 1)
        }
    }
}
