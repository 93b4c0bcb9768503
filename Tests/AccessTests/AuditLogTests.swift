import Access
import Database
import Foundation
import Repositories
import TestSupport
import Testing

extension AccessDatabaseTests {
    @Suite("The audit trail records changed fields and cannot be rewritten", .serialized)
    struct AuditLogTests {
        struct Thing: Encodable {
            let name: String
            let seats: Int
            let note: String?
        }

        @Test("an update records only the fields that changed; a creation all of them")
        func changedFields() async throws {
            try await TestDatabase.withPool { db in
                let id = UUID().uuidString
                try await db.withTransaction { connection in
                    try AuditLog().record(
                        .system, action: "create", entity: "thing", id: id, before: nil,
                        after: Thing(name: "车床", seats: 2, note: nil),
                        on: connection)
                    try AuditLog().record(
                        .system, action: "update", entity: "thing", id: id,
                        before: Thing(name: "车床", seats: 2, note: nil),
                        after: Thing(name: "车床", seats: 4, note: "扩容"), on: connection)
                }
                let rows = try await db.query(
                    "SELECT before::text AS before, after::text AS after FROM audit_log WHERE entity_id = \(id) ORDER BY id"
                )
                let sides = try rows.map {
                    (try $0.decode("before", as: String?.self), try $0.decode("after", as: String.self))
                }
                #expect(sides.count == 2)
                #expect(sides.first?.0 == nil)
                #expect(sides.first?.1 == #"{"name": "车床", "seats": 2}"#)
                #expect(sides.last?.0 == #"{"seats": 2}"#)
                #expect(sides.last?.1 == #"{"note": "扩容", "seats": 4}"#)
            }
        }

        @Test("an audit row written in a transaction that rolls back is gone with it")
        func sameTransaction() async throws {
            struct Abort: Error {}
            try await TestDatabase.withPool { db in
                let id = UUID().uuidString
                await #expect(throws: Abort.self) {
                    try await db.withTransaction { connection in
                        try AuditLog().record(
                            .system, action: "create", entity: "thing", id: id, before: nil, after: ["a": 1],
                            on: connection)
                        throw Abort()
                    }
                }
                let rows = try await db.query("SELECT 1 FROM audit_log WHERE entity_id = \(id)")
                #expect(rows.isEmpty)
            }
        }

        @Test(
            "UPDATE, DELETE and TRUNCATE of audit_log are refused by the database",
            arguments: [
                "UPDATE audit_log SET action = 'forged' WHERE entity_id = $ID",
                "DELETE FROM audit_log WHERE entity_id = $ID",
                "TRUNCATE audit_log",
            ])
        func immutable(_ statement: String) async throws {
            try await TestDatabase.withPool { db in
                let id = UUID().uuidString
                try await db.withTransaction { connection in
                    try AuditLog().record(
                        .system, action: "create", entity: "thing", id: id, before: nil, after: ["a": 1], on: connection
                    )
                }
                let sql = SQL(unsafe: statement.replacingOccurrences(of: "$ID", with: "'\(id)'"))
                await #expect {
                    try await db.query(sql)
                } throws: { error in
                    (error as? DatabaseError)?.sqlState?.rawValue == "42501"
                }
                let action: String = try await db.query("SELECT action FROM audit_log WHERE entity_id = \(id)").first!
                    .decode("action")
                #expect(action == "create")
            }
        }
    }
}
