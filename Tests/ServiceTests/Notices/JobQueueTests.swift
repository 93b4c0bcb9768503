import Database
import Domain
import Foundation
import Repositories
import TestSupport
import Testing

/// The one job queue: SKIP LOCKED claims, leases, back-off, dead letters, dedup and depth.
@Suite("Job queue")
struct JobQueueTests {
    let queue = JobQueue()
    /// A kind of this test's own, so parallel tests never take its jobs.
    let kind = JobKind(rawValue: "test_\(UUID().uuidString.prefix(8).lowercased())")

    @Test("two workers claiming at once take different jobs; a held lease is not taken")
    func skipLocked() async throws {
        try await TestDatabase.withPool(maxConnections: 3) { db in
            let (queue, kind) = (queue, kind)
            for n in 0..<2 {
                _ = try await db.withConnection {
                    try queue.enqueue(kind, payload: JSONB(json: "{\"n\": \(n)}"), on: $0)
                }
            }
            async let a = db.withConnection { try queue.claim(kinds: [kind], worker: "a", lease: .seconds(30), on: $0) }
            async let b = db.withConnection { try queue.claim(kinds: [kind], worker: "b", lease: .seconds(30), on: $0) }
            let claimed = [try await a, try await b].compactMap { $0 }
            #expect(Set(claimed.map(\.id)).count == 2)
            let none = try await db.withConnection {
                try queue.claim(kinds: [kind], worker: "c", lease: .seconds(30), on: $0)
            }
            #expect(none == nil)
        }
    }

    @Test("a failed job waits 30 s, 60 s… and is dead after its last attempt")
    func backoffThenDead() async throws {
        try await TestDatabase.withPool { db in
            let (queue, kind) = (queue, kind)
            var now = Date()
            let due = now
            let id = try #require(
                try await db.withConnection {
                    try queue.enqueue(kind, payload: JSONB(json: "{}"), runAt: due, maxAttempts: 3, on: $0)
                })
            var statuses: [Job.Status?] = []
            for wait in [0.0, 30, 60] {
                now = now.addingTimeInterval(wait)
                let now = now
                let early = try await db.withConnection {
                    try queue.claim(
                        kinds: [kind], worker: "w", lease: .seconds(10), now: now.addingTimeInterval(-1), on: $0)
                }
                #expect(early == nil || wait == 0, "not due before its back-off")
                let job = try #require(
                    try await db.withConnection {
                        try queue.claim(kinds: [kind], worker: "w", lease: .seconds(10), now: now, on: $0)
                    })
                #expect(job.id == id)
                statuses.append(
                    try await db.withConnection { try queue.fail(id, worker: "w", error: "boom", now: now, on: $0) })
            }
            #expect(statuses == [.queued, .queued, .dead])
        }
    }

    @Test("enqueueing twice with one dedup key queues once; the depth counts by kind")
    func dedupAndDepth() async throws {
        try await TestDatabase.withPool { db in
            let (queue, kind) = (queue, kind)
            let ids = try await db.withConnection { connection in
                try (0..<2).map { _ in
                    try queue.enqueue(kind, payload: JSONB(json: "{}"), dedupKey: "same", on: connection)
                }
            }
            #expect(ids[0] != nil && ids[1] == nil)
            _ = try await db.withConnection { try queue.claim(kinds: [kind], worker: "w", lease: .seconds(5), on: $0) }
            _ = try await db.withConnection { try queue.enqueue(kind, payload: JSONB(json: "{}"), on: $0) }
            let depth = try await db.withConnection { try queue.depthByKind(on: $0) }
            #expect(depth.first { $0.kind == kind } == JobDepth(kind: kind, queued: 1, running: 1))
        }
    }

    @Test("a running job whose lease ran out with no attempt left is reaped dead, not claimed again")
    func reaped() async throws {
        try await TestDatabase.withPool { db in
            let (queue, kind) = (queue, kind)
            _ = try await db.withConnection {
                try queue.enqueue(kind, payload: JSONB(json: "{}"), maxAttempts: 1, on: $0)
            }
            let now = Date()
            let job = try #require(
                try await db.withConnection {
                    try queue.claim(kinds: [kind], worker: "gone", lease: .seconds(5), now: now, on: $0)
                })
            let later = now.addingTimeInterval(6)
            #expect(
                try await db.withConnection {
                    try queue.claim(kinds: [kind], worker: "w", lease: .seconds(5), now: later, on: $0)
                } == nil)
            let reaped = try await db.withConnection { try queue.reapExpired(kinds: [kind], now: later, on: $0) }
            #expect(reaped.map(\.id) == [job.id] && reaped.first?.status == .dead)
        }
    }
}
