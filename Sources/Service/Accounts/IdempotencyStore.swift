public import Access
public import Database
public import Foundation
import Repositories

/// The first answers to POSTs sent with an `Idempotency-Key` (`idempotency_keys`), so that a
/// retry gets the same answer without the work being done twice. Only for an authenticated
/// caller: the owner of a key is a user, never an anonymous client.
///
/// A key is claimed by one `INSERT … ON CONFLICT` before the work starts: of concurrent requests
/// with one key exactly one claims it; the others learn at once that it is in flight and are not
/// kept waiting on a pooled connection. Keys expire after `lifetime`; a claim whose request never
/// finished (its process died) may be taken over after `abandonedAfter`.
public struct IdempotencyStore: Sendable {
    let database: Database
    let now: @Sendable () -> Date
    let lifetime: TimeInterval
    let abandonedAfter: TimeInterval
    let keys = IdempotencyRepository()

    public init(
        database: Database, lifetime: TimeInterval = 86_400, abandonedAfter: TimeInterval = 300,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.lifetime = lifetime
        self.abandonedAfter = abandonedAfter
        self.now = now
    }

    /// A request, as far as a key's reuse is compared.
    public typealias Fingerprint = Idempotency.Fingerprint
    /// A stored answer.
    public typealias StoredResponse = Idempotency.StoredResponse

    /// What a request with a key should do: `claimed` (do the work, then
    /// ``complete(principal:key:response:replayable:)`` or ``release(principal:key:)``), `replay`,
    /// `mismatch` (422), `inFlight` (409, retry later), `notReplayable` (409: the answer held a secret).
    public typealias Claim = Idempotency.Claim

    /// Claims `key` for `principal`'s request, or says what became of the earlier one.
    public func claim(principal: String, key: String, request: Fingerprint) async throws -> Claim {
        let now = now()
        let (expired, abandoned) = (now.addingTimeInterval(-lifetime), now.addingTimeInterval(-abandonedAfter))
        let keys = keys
        return try await database.withConnection { connection in
            for _ in 0..<3 {
                if try keys.claim(
                    owner: principal, key: key, request: request, at: now, expiredBefore: expired,
                    abandonedBefore: abandoned, on: connection)
                {
                    return .claimed
                }
                if let earlier = try keys.earlier(owner: principal, key: key, for: request, on: connection) {
                    return earlier
                }  // released in between: claim again
            }
            return .inFlight
        }
    }

    /// Stores the answer to a claimed key. An answer that holds a secret (`replayable` false) is
    /// recorded as done but not kept. Also purges the principal's expired keys (an expired key is
    /// harmless, only reclaimed; docs/security.md suggests a nightly purge of everyone's).
    public func complete(principal: String, key: String, response: StoredResponse, replayable: Bool) async throws {
        let (keys, expired) = (keys, now().addingTimeInterval(-lifetime))
        try await database.withConnection { connection in
            try keys.complete(
                owner: principal, key: key, response: response, replayable: replayable, expiredBefore: expired,
                on: connection)
        }
    }

    /// Gives a claimed key up (the work failed and may be retried).
    public func release(principal: String, key: String) async throws {
        let keys = keys
        try await database.withConnection { try keys.release(owner: principal, key: key, on: $0) }
    }
}
