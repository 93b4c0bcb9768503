public import Access
public import Database
public import Foundation

/// Reads and writes `check_in_attempts`, the state of the self check-in throttle shared by every
/// service process. An attempt is written as failed *before* its code is tried (a reservation, in
/// a transaction of its own) and marked succeeded by the check-in, so concurrent guesses count.
public struct CheckInAttemptRepository: Sendable {
    public init() {}

    /// Reserves an attempt under the throttle's limits: serializes the attempts of one client
    /// address and of one code (transaction-scoped advisory locks, in that order), counts the
    /// failures in the window, and inserts this one as failed when the limits allow it
    /// (forgetting attempts older than the window and a day).
    /// - Returns: the attempt's id, for ``markSucceeded(_:on:)``.
    /// - Throws: ``ServiceError/throttled(retryAfter:rule:)`` without inserting anything.
    public func reserve(
        code: String, client: String, under throttle: CheckInThrottle, at now: Date, on connection: Connection
    ) throws -> Int64 {
        try connection.query(
            """
            SELECT pg_advisory_xact_lock(hashtextextended('check-in client ' || \(client), 0)),
                   pg_advisory_xact_lock(hashtextextended('check-in code ' || \(code), 0))
            """)
        let since = now.addingTimeInterval(-throttle.window)
        let row = try connection.query(
            """
            WITH by_client AS (
                SELECT at FROM check_in_attempts WHERE client = \(client) AND NOT succeeded AND at > \(since)
            ), by_code AS (
                SELECT at FROM check_in_attempts WHERE code = \(code) AND NOT succeeded AND at > \(since)
            )
            SELECT (SELECT count(*) FROM by_client) AS client_failures, (SELECT min(at) FROM by_client) AS client_first,
                   (SELECT count(*) FROM by_code) AS code_failures, (SELECT min(at) FROM by_code) AS code_first
            """
        ).first!
        try throttle.check(
            CheckInThrottle.Counts(
                clientFailures: try row.decode("client_failures"),
                firstClientFailure: try row.decode("client_first", as: Date?.self),
                codeFailures: try row.decode("code_failures"),
                firstCodeFailure: try row.decode("code_first", as: Date?.self)),
            at: now)
        try connection.query(
            "DELETE FROM check_in_attempts WHERE at < \(now.addingTimeInterval(-max(throttle.window, 86_400)))")
        return try connection.query(
            """
            INSERT INTO check_in_attempts (client, code, succeeded, at) VALUES (\(client), \(code), false, \(now))
            RETURNING id
            """
        ).first!.decode("id")
    }

    /// Marks a reserved attempt succeeded: the person is on the roster of the code's session.
    public func markSucceeded(_ id: Int64, on connection: Connection) throws {
        try connection.query("UPDATE check_in_attempts SET succeeded = true WHERE id = \(id)")
    }
}
