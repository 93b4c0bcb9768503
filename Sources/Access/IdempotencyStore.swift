public import Database
public import Foundation

/// The first answers to POSTs sent with an `Idempotency-Key` (`idempotency_keys`), so that a
/// retry gets the same answer without the work being done twice.
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
    public struct Fingerprint: Sendable, Equatable {
        public let method: String
        public let path: String
        public let bodyHash: Bytes

        public init(method: String, path: String, body: [UInt8]) {
            self.method = method
            self.path = path
            self.bodyHash = Bytes.sha256(body)
        }
    }

    /// A stored answer.
    public struct StoredResponse: Sendable, Equatable {
        public let status: Int
        /// Header names and values, in order.
        public let headers: [[String]]
        public let body: [UInt8]

        public init(status: Int, headers: [[String]], body: [UInt8]) {
            self.status = status
            self.headers = headers
            self.body = body
        }
    }

    /// What a request with a key should do.
    public enum Claim: Sendable, Equatable {
        /// Do the work, then ``complete(principal:key:response:replayable:)`` or ``release(principal:key:)``.
        case claimed
        /// Answer this again.
        case replay(StoredResponse)
        /// The key was used for a different request (422).
        case mismatch
        /// The first request with this key is still being served (409, retry later).
        case inFlight
        /// The work was done, but its answer held a secret and was not kept (409).
        case notReplayable
    }

    /// Claims `key` for `principal`'s request, or says what became of the earlier one.
    public func claim(principal: String, key: String, request: Fingerprint) async throws -> Claim {
        let now = now()
        let (expired, abandoned) = (now.addingTimeInterval(-lifetime), now.addingTimeInterval(-abandonedAfter))
        return try await database.withConnection { connection in
            for _ in 0..<3 {
                let claimed = try connection.query(
                    """
                    INSERT INTO idempotency_keys (principal, key, method, path, body_hash, created_at)
                    VALUES (\(principal), \(key), \(request.method), \(request.path), \(request.bodyHash), \(now))
                    ON CONFLICT (principal, key) DO UPDATE
                        SET method = EXCLUDED.method, path = EXCLUDED.path, body_hash = EXCLUDED.body_hash, status = NULL,
                            headers = NULL, body = NULL, replayable = true, created_at = EXCLUDED.created_at
                        WHERE idempotency_keys.created_at <= \(expired)
                           OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at <= \(abandoned))
                    RETURNING 1
                    """)
                if !claimed.isEmpty { return .claimed }
                let existing = try connection.query(
                    """
                    SELECT method, path, body_hash, status, headers, body, replayable FROM idempotency_keys
                    WHERE principal = \(principal) AND key = \(key)
                    """)
                guard let row = existing.first else { continue }  // released in between: claim again
                return try Self.claim(from: row, for: request)
            }
            return .inFlight
        }
    }

    /// Stores the answer to a claimed key. An answer that holds a secret (`replayable` false) is
    /// recorded as done but not kept. Also purges the principal's expired keys (an expired key is
    /// harmless, only reclaimed; docs/security.md suggests a nightly purge of everyone's).
    public func complete(principal: String, key: String, response: StoredResponse, replayable: Bool) async throws {
        let headers = replayable ? try JSONB(encoding: response.headers) : nil
        let body = replayable ? Bytes(response.body) : nil
        let expired = now().addingTimeInterval(-lifetime)
        try await database.withConnection { connection in
            try connection.query(
                """
                UPDATE idempotency_keys
                SET status = \(response.status), headers = \(headers), body = \(body), replayable = \(replayable)
                WHERE principal = \(principal) AND key = \(key)
                """)
            try connection.query(
                """
                DELETE FROM idempotency_keys WHERE principal = \(principal) AND created_at <= \(expired)
                """)
        }
    }

    /// Gives a claimed key up (the work failed and may be retried).
    public func release(principal: String, key: String) async throws {
        try await database.query(
            "DELETE FROM idempotency_keys WHERE principal = \(principal) AND key = \(key) AND status IS NULL")
    }

    private static func claim(from row: Row, for request: Fingerprint) throws -> Claim {
        let stored = Fingerprint(
            method: try row.decode("method"), path: try row.decode("path"), bodyHash: try row.decode("body_hash"))
        guard stored == request else { return .mismatch }
        guard let status = try row.decode("status", as: Int?.self) else { return .inFlight }
        guard try row.decode("replayable", as: Bool.self) else { return .notReplayable }
        let headers = try row.decode("headers", as: JSONB.self).decode([[String]].self)
        return .replay(
            StoredResponse(status: status, headers: headers, body: try row.decode("body", as: Bytes.self).bytes))
    }
}

extension IdempotencyStore.Fingerprint {
    init(method: String, path: String, bodyHash: Bytes) {
        self.method = method
        self.path = path
        self.bodyHash = bodyHash
    }
}
