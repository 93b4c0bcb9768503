import Access
import Database
import Foundation
import Service
import TestSupport
import Testing

extension AccessDatabaseTests {
    @Suite("Idempotency keys: claimed once, replayed, refused for another request, expired after a day", .serialized)
    struct IdempotencyStoreTests {
        @Test("claim, in flight, complete, replay, mismatch, expiry")
        func lifeCycle() async throws {
            try await TestDatabase.withPool { db in
                let clock = Clock()
                let store = IdempotencyStore(database: db, now: { clock.now })
                let (owner, key) = ("user:\(UUID())", "k")
                let request = IdempotencyStore.Fingerprint(method: "POST", path: "/things", body: Array("{}".utf8))
                #expect(try await store.claim(principal: owner, key: key, request: request) == .claimed)
                #expect(try await store.claim(principal: owner, key: key, request: request) == .inFlight)
                let answer = IdempotencyStore.StoredResponse(
                    status: 201, headers: [["Location", "/things/1"]], body: Array("{\"id\":1}".utf8))
                try await store.complete(principal: owner, key: key, response: answer, replayable: true)
                #expect(try await store.claim(principal: owner, key: key, request: request) == .replay(answer))
                let other = IdempotencyStore.Fingerprint(method: "POST", path: "/things", body: Array("{\"a\":1}".utf8))
                #expect(try await store.claim(principal: owner, key: key, request: other) == .mismatch)
                #expect(try await store.claim(principal: "user:\(UUID())", key: key, request: other) == .claimed)
                clock.now += 86_400
                #expect(try await store.claim(principal: owner, key: key, request: other) == .claimed)
            }
        }

        @Test("a claim given up, or abandoned for five minutes, can be claimed again")
        func release() async throws {
            try await TestDatabase.withPool { db in
                let clock = Clock()
                let store = IdempotencyStore(database: db, now: { clock.now })
                let (owner, key) = ("user:\(UUID())", "k")
                let request = IdempotencyStore.Fingerprint(method: "POST", path: "/things", body: [])
                #expect(try await store.claim(principal: owner, key: key, request: request) == .claimed)
                try await store.release(principal: owner, key: key)
                #expect(try await store.claim(principal: owner, key: key, request: request) == .claimed)
                clock.now += 301
                #expect(try await store.claim(principal: owner, key: key, request: request) == .claimed)
            }
        }

        /// A settable clock.
        final class Clock: @unchecked Sendable {
            private let lock = NSLock()
            private var value = Date()
            var now: Date {
                get { lock.withLock { value } }
                set { lock.withLock { value = newValue } }
            }
        }
    }
}
