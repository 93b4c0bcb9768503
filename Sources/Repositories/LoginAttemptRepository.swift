public import Access
public import Database
public import Foundation

/// Reads and writes `login_attempts`, the state of the login throttle shared by every service
/// process. An attempt is written as failed *before* its password is checked (a reservation) and
/// marked succeeded afterwards, so concurrent guesses count at once.
public struct LoginAttemptRepository: Sendable {
    public init() {}

    /// Reserves an attempt under the throttle's limits: serializes the attempts of one username
    /// and of one client address (transaction-scoped advisory locks, taken in that order), counts
    /// those in the window, and inserts this one as failed when the limits allow it (forgetting
    /// attempts older than the window and a day).
    /// Run it in its own short transaction, committed before the password is checked.
    /// - Returns: the attempt's id, for ``markSucceeded(_:on:)``.
    /// - Throws: ``ServiceError/throttled(retryAfter:rule:)`` without inserting anything.
    public func reserve(
        username: String, client: String, under throttle: LoginThrottle, at now: Date, on connection: Connection
    ) throws -> Int64 {
        try connection.query(
            """
            SELECT pg_advisory_xact_lock(hashtextextended('login user ' || \(username), 0)),
                   pg_advisory_xact_lock(hashtextextended('login client ' || \(client), 0))
            """)
        let since = now.addingTimeInterval(-throttle.window)
        let row = try connection.query(
            """
            WITH failures AS (
                SELECT at FROM login_attempts
                WHERE username = \(username) AND NOT succeeded AND at > \(since)
                  AND id > coalesce((SELECT max(id) FROM login_attempts WHERE username = \(username) AND succeeded), 0)
            ), attempts AS (
                SELECT at FROM login_attempts WHERE client = \(client) AND at > \(since)
            )
            SELECT (SELECT count(*) FROM failures) AS failures, (SELECT min(at) FROM failures) AS first_failure,
                   (SELECT count(*) FROM attempts) AS attempts, (SELECT min(at) FROM attempts) AS first_attempt
            """
        ).first!
        try throttle.check(
            LoginThrottle.Counts(
                failures: try row.decode("failures"), firstFailure: try row.decode("first_failure", as: Date?.self),
                attempts: try row.decode("attempts"), firstAttempt: try row.decode("first_attempt", as: Date?.self)),
            at: now)
        try connection.query(
            "DELETE FROM login_attempts WHERE at < \(now.addingTimeInterval(-max(throttle.window, 86_400)))")
        return try connection.query(
            """
            INSERT INTO login_attempts (username, client, succeeded, at) VALUES (\(username), \(client), false, \(now))
            RETURNING id
            """
        ).first!.decode("id")
    }

    /// Marks a reserved attempt succeeded: the password matched.
    public func markSucceeded(_ id: Int64, on connection: Connection) throws {
        try connection.query("UPDATE login_attempts SET succeeded = true WHERE id = \(id)")
    }
}
