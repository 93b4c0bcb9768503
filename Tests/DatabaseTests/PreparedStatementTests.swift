import Database
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite("Prepared statements")
struct PreparedStatementTests {
    @Test("a statement is prepared once per connection and then reused with new values")
    func reuse() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            try await db.withConnection { connection in
                let before = try connection.rowCount("pg_prepared_statements")
                for value in 1...3 {
                    let echoed = try connection.query("SELECT \(value)::int8 + 1 AS v").first!.decode("v", as: Int.self)
                    #expect(echoed == value + 1)
                }
                let after = try connection.rowCount("pg_prepared_statements")
                // the count was prepared before it first ran; the echo once, for three runs
                #expect(after == before + 1)
            }
        }
    }

    @Test("a table changed under a prepared statement is read again, not refused")
    func changedTable() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let table = "prepared_\(UUID().uuidString.prefix(8).lowercased())"
            try await db.withConnection { connection in
                try connection.execute(script: "CREATE TABLE \(table) (a int4); INSERT INTO \(table) VALUES (1)")
                let select = SQL(unsafe: "SELECT * FROM \(table)")
                #expect(try connection.query(select).columns == ["a"])
                try connection.execute(script: "ALTER TABLE \(table) ADD COLUMN b int4")
                #expect(try connection.query(select).columns == ["a", "b"])
                #expect(try connection.query(select).columns == ["a", "b"])
                try connection.execute(script: "DROP TABLE \(table)")
            }
        }
    }

    @Test(
        "a table changed under a prepared statement inside a transaction runs the whole transaction again",
        arguments: [false, true])
    func changedTableInTransaction(pipelined: Bool) async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let table = "prepared_\(UUID().uuidString.prefix(8).lowercased())"
            let select = SQL(unsafe: "SELECT * FROM \(table)")
            let insert = SQL(unsafe: "INSERT INTO \(table)_log VALUES (1)")
            try await db.withConnection { connection in
                try connection.execute(
                    script:
                        "CREATE TABLE \(table) (a int4); INSERT INTO \(table) VALUES (1); CREATE TABLE \(table)_log (n int4)"
                )
                #expect(try connection.query(select).columns == ["a"])
                try connection.execute(script: "ALTER TABLE \(table) ADD COLUMN b int4")
            }
            let attempts = Mutex(0)
            let columns = try await db.withTransaction { connection in
                attempts.withLock { $0 += 1 }
                try connection.query(insert)
                if pipelined {
                    let (_, rows) = try connection.pipeline(Query(insert), Query(select) { $0 })
                    return rows.columns
                }
                return try connection.query(select).columns
            }
            #expect(columns == ["a", "b"])
            #expect(attempts.withLock { $0 } == 2)
            try await db.withConnection { connection in
                #expect(try connection.rowCount("\(unsafe: table)_log") == (pipelined ? 2 : 1))
                // the statement forgotten in the aborted transaction is deallocated after it
                #expect(try connection.rowCount("pg_prepared_statements WHERE statement = \(select.text)") == 1)
                try connection.execute(script: "DROP TABLE \(table), \(table)_log")
            }
        }
    }

    @Test("after planForParameterValues a prepared statement is planned for each run's values, never generically")
    func customPlans() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            // PostgreSQL plans a statement generically from its sixth run when that is no dearer
            for custom in [false, true] {
                let plans = try await db.withTransaction(isolation: .readCommitted) { connection in
                    if custom { try connection.planForParameterValues() }
                    // one statement per case: prepared statements live as long as the connection
                    for value in 1...8 {
                        _ = try connection.query(
                            custom ? "SELECT \(value)::int8 + 1 AS custom" : "SELECT \(value)::int8 + 1 AS generic")
                    }
                    let text = "SELECT $1::int8 + 1 AS \(custom ? "custom" : "generic")"
                    let row = try connection.query(
                        "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement = \(text)"
                    ).first!
                    return (
                        generic: try row.decode("generic_plans", as: Int.self),
                        custom: try row.decode("custom_plans", as: Int.self)
                    )
                }
                if custom {
                    #expect(plans.generic == 0 && plans.custom >= 8)
                } else {
                    #expect(plans.generic > 0)
                }
            }
            // only for the transaction: the connection goes back to the pool as it was
            let mode = try await db.withConnection { connection in
                try connection.query("SELECT current_setting('plan_cache_mode') AS mode").first!.decode(
                    "mode", as: String.self)
            }
            #expect(mode == "auto")
        }
    }
}
