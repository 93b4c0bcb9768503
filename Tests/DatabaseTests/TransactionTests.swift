import Database
import Foundation
import Synchronization
import TestSupport
import Testing

@Suite("Transactions")
struct TransactionTests {
    struct Refusal: Error {}

    @Test("a thrown error rolls back every statement of the body")
    func rollback() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            try await db.query("CREATE TABLE t (v int)")
            await #expect(throws: Refusal.self) {
                try await db.withTransaction { connection in
                    try connection.query("INSERT INTO t VALUES (\(1))")
                    try connection.query("INSERT INTO t VALUES (\(2))")
                    throw Refusal()
                }
            }
            let rowsAfterRollback = try await db.rowCount("t")
            #expect(rowsAfterRollback == 0)
            try await db.withTransaction { try $0.query("INSERT INTO t VALUES (\(3))") }
            let rowsAfterCommit = try await db.rowCount("t")
            #expect(rowsAfterCommit == 1)
        }
    }

    @Test("a body that caught a failed statement's error and returned is not taken for committed")
    func swallowedFailure() async throws {
        try await TestDatabase.withEmptyDatabase(maxConnections: 1) { db, _ in
            try await db.query("CREATE TABLE t (v int4 PRIMARY KEY)")
            let thrown = await #expect(throws: DatabaseError.self) {
                try await db.withTransaction { connection in
                    try connection.query("INSERT INTO t VALUES (\(1)::int4)")
                    do { try connection.query("INSERT INTO t VALUES (\(1)::int4)") } catch {}
                }
            }
            #expect(thrown?.sqlState == .inFailedTransaction)
            let stored = try await db.rowCount("t")
            #expect(stored == 0)
            try await db.withTransaction { try $0.query("INSERT INTO t VALUES (\(2)::int4)") }
        }
    }

    @Test("a provoked serialization failure is retried and both transactions land")
    func retriesSerializationFailure() async throws {
        try await TestDatabase.withEmptyDatabase(maxConnections: 2) { db, _ in
            try await db.query("CREATE TABLE duty (doctor text, on_call bool)")
            try await db.query("INSERT INTO duty VALUES ('a', true), ('b', true)")
            let attempts = Mutex<[String: Int]>([:])
            let meeting = Rendezvous()
            // Write skew: each reads both rows, then each writes a row the other read.
            @Sendable func body(_ name: String) -> @Sendable (Connection) throws -> Void {
                { connection in
                    let attempt = attempts.withLock { counts in
                        counts[name, default: 0] += 1
                        return counts[name]!
                    }
                    _ = try connection.query("SELECT count(*) FROM duty WHERE on_call")
                    if attempt == 1 { meeting.arrive() }
                    try connection.query("UPDATE duty SET on_call = false WHERE doctor = \(name)")
                }
            }
            let bodyA = body("a")
            let bodyB = body("b")
            async let first: Void = db.withTransaction(isolation: .serializable, bodyA)
            async let second: Void = db.withTransaction(isolation: .serializable, bodyB)
            _ = try await (first, second)
            // at least one retry; more when PostgreSQL cancels both and their retries meet again
            // (how often depends on timing, which a test must not)
            let total = attempts.withLock { $0.values.reduce(0, +) }
            #expect(total >= 3)
            let value = try await db.rowCount("duty WHERE on_call")
            #expect(value == 0)
        }
    }

    @Test("an exclusion violation carries SQLSTATE 23P01 and the constraint name")
    func exclusionViolation() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            try await db.query("CREATE EXTENSION btree_gist")
            try await db.query(
                "CREATE TABLE booking (resource int, during tstzrange, CONSTRAINT no_overlap EXCLUDE USING gist (resource WITH =, during WITH &&))"
            )
            let start = Date(timeIntervalSince1970: 1_772_409_600)
            let morning = TimeRange(lower: start, upper: start.addingTimeInterval(7200))!
            let overlapping = TimeRange(lower: start.addingTimeInterval(3600), upper: start.addingTimeInterval(9000))!
            try await db.query("INSERT INTO booking VALUES (\(1), \(morning))")
            try await db.query("INSERT INTO booking VALUES (\(2), \(overlapping))")
            let error = await #expect(throws: DatabaseError.self) {
                try await db.query("INSERT INTO booking VALUES (\(1), \(overlapping))")
            }
            #expect(error?.sqlState == .exclusionViolation)
            #expect(error?.constraint == "no_overlap")
            #expect(error?.code == .server)
        }
    }
}

/// Two parties wait for each other once: each `arrive()` returns when both have arrived.
final class Rendezvous: Sendable {
    private let arrived = Mutex(0)
    private let gate = DispatchSemaphore(value: 0)

    func arrive() {
        let count = arrived.withLock { n in
            n += 1
            return n
        }
        if count == 2 {
            gate.signal()
            gate.signal()
        }
        gate.wait()
    }
}
