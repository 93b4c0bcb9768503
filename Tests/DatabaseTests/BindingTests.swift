import Database
import Foundation
import TestSupport
import Testing

@Suite("Parameters are bound, never spliced")
struct BindingTests {
    @Test(
        "hostile and non-Latin strings round-trip unchanged",
        arguments: [
            "O'Reilly", "'; DROP TABLE schema_migrations; --", "\"quoted\" \\ backslash", "$1 $2 placeholders",
            "智能制造实训中心 数控车床", "Ünïcödé ✓ 🏭", "", "line\nbreak\ttab",
        ])
    func roundTrip(_ text: String) async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let row = try #require(try await db.query("SELECT \(text)::text AS v, length(\(text)::text) AS n").first)
            #expect(try row.decode("v", as: String.self) == text)
            #expect(try row.decode("n", as: Int.self) == text.count)
            #expect(try await db.rowCount("schema_migrations") > 0)
        }
    }

    @Test("a NUL character is refused before anything is sent")
    func nulIsRejected() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let error = await #expect(throws: DatabaseError.self) {
                try await db.query("SELECT \("a\u{0}b")::text AS v")
            }
            #expect(error?.code == .invalidParameter)
            let after = try await db.query("SELECT 1 AS one")
            #expect(try after.first!.decode("one", as: Int.self) == 1)
        }
    }

    @Test("nested fragments are renumbered")
    func fragments() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let condition: SQL = "n > \(2) AND n < \(5)"
            var query: SQL = "SELECT count(*) AS c FROM generate_series(\(1), \(10)) AS n WHERE \(condition)"
            query.append(" AND n <> \(3)")
            #expect(query.text.contains("$5"))
            let row = try #require(try await db.query(query).first)
            #expect(try row.decode("c", as: Int.self) == 1)  // only 4
        }
    }

    @Test("NULL binds and decodes as nil")
    func nulls() async throws {
        try await TestDatabase.withPool(maxConnections: 1) { db in
            let missing: String? = nil
            let row = try #require(try await db.query("SELECT \(missing)::text AS v").first)
            #expect(try row.decode("v", as: String?.self) == nil)
            #expect(throws: DatabaseError.self) { try row.decode("v", as: String.self) }
        }
    }
}
