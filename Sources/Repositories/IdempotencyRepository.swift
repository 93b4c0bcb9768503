public import Access
public import Database
public import Foundation

/// Reads and writes `idempotency_keys`: the first answers to POSTs sent with an `Idempotency-Key`.
public struct IdempotencyRepository: Sendable {
    public init() {}

    /// Inserts the key, or takes over an expired or abandoned one; returns whether it is now claimed.
    public func claim(
        owner: String, key: String, request: Idempotency.Fingerprint, at now: Date, expiredBefore expired: Date,
        abandonedBefore abandoned: Date, on connection: Connection
    ) throws -> Bool {
        try !connection.query(
            """
            INSERT INTO idempotency_keys (principal, key, method, path, body_hash, created_at)
            VALUES (\(owner), \(key), \(request.method), \(request.path), \(Bytes(request.bodyHash)), \(now))
            ON CONFLICT (principal, key) DO UPDATE
                SET method = EXCLUDED.method, path = EXCLUDED.path, body_hash = EXCLUDED.body_hash, status = NULL,
                    headers = NULL, body = NULL, replayable = true, created_at = EXCLUDED.created_at
                WHERE idempotency_keys.created_at <= \(expired)
                   OR (idempotency_keys.status IS NULL AND idempotency_keys.created_at <= \(abandoned))
            RETURNING 1
            """
        ).isEmpty
    }

    /// What the stored request with this key says to `request`; `nil` when there is none.
    public func earlier(
        owner: String, key: String, for request: Idempotency.Fingerprint, on connection: Connection
    ) throws
        -> Idempotency.Claim?
    {
        guard
            let row = try connection.query(
                """
                SELECT method, path, body_hash, status, headers, body, replayable FROM idempotency_keys
                WHERE principal = \(owner) AND key = \(key)
                """
            ).first
        else { return nil }
        let stored = Idempotency.Fingerprint(
            method: try row.decode("method"), path: try row.decode("path"),
            bodyHash: try row.decode("body_hash", as: Bytes.self).bytes)
        guard stored == request else { return .mismatch }
        guard let status = try row.decode("status", as: Int?.self) else { return .inFlight }
        guard try row.decode("replayable", as: Bool.self) else { return .notReplayable }
        let headers = try row.decode("headers", as: JSONB.self).decode([[String]].self)
        return .replay(
            Idempotency.StoredResponse(
                status: status, headers: headers, body: try row.decode("body", as: Bytes.self).bytes))
    }

    /// Stores the answer of a claimed key (only that it was done when not `replayable`), and purges
    /// the owner's expired keys.
    public func complete(
        owner: String, key: String, response: Idempotency.StoredResponse, replayable: Bool, expiredBefore expired: Date,
        on connection: Connection
    ) throws {
        let headers = replayable ? try JSONB(encoding: response.headers) : nil
        let body = replayable ? Bytes(response.body) : nil
        try connection.query(
            """
            UPDATE idempotency_keys
            SET status = \(response.status), headers = \(headers), body = \(body), replayable = \(replayable)
            WHERE principal = \(owner) AND key = \(key)
            """)
        try connection.query("DELETE FROM idempotency_keys WHERE principal = \(owner) AND created_at <= \(expired)")
    }

    /// Gives a claimed key up, unless its answer is stored.
    public func release(owner: String, key: String, on connection: Connection) throws {
        try connection.query(
            "DELETE FROM idempotency_keys WHERE principal = \(owner) AND key = \(key) AND status IS NULL")
    }
}
