import Database
import Foundation
import TestSupport
import Testing

@Suite("Prepared statements")
struct PreparedStatementTests {
    @Test("a statement is prepared once per connection and then reused with new values")
    func reuse() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            try await db.withConnection { connection in
                let before = try connection.query("SELECT count(*)::int4 AS n FROM pg_prepared_statements").first!
                    .decode("n", as: Int.self)
                for value in 1...3 {
                    let echoed = try connection.query("SELECT \(value)::int8 + 1 AS v").first!.decode("v", as: Int.self)
                    #expect(echoed == value + 1)
                }
                let after = try connection.query("SELECT count(*)::int4 AS n FROM pg_prepared_statements").first!
                    .decode("n", as: Int.self)
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
}
