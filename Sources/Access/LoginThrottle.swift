import Database
public import Foundation

/// Counts password logins (`login_attempts`) to slow down guessing: after `maxFailures` failed
/// logins for one username since its last success, or `maxAttemptsPerClient` logins of any
/// outcome from one client address, within `window`, further logins are refused until the
/// oldest of them leaves the window. Kept in the database, so it holds across service processes.
public struct LoginThrottle: Sendable {
    public var maxFailures: Int
    public var maxAttemptsPerClient: Int
    public var window: TimeInterval

    public init(maxFailures: Int = 5, maxAttemptsPerClient: Int = 30, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.maxAttemptsPerClient = maxAttemptsPerClient
        self.window = window
    }

    /// - Throws: ``ServiceError/throttled(retryAfter:)`` with the seconds to wait.
    func check(username: String, client: String, at now: Date, on connection: Connection) throws {
        let since = now.addingTimeInterval(-window)
        let row = try connection.query(
            """
            WITH failures AS (
                SELECT at FROM login_attempts
                WHERE username = \(username) AND NOT succeeded AND at > \(since)
                  AND at > coalesce((SELECT max(at) FROM login_attempts WHERE username = \(username) AND succeeded), '-infinity')
            ), attempts AS (
                SELECT at FROM login_attempts WHERE client = \(client) AND at > \(since)
            )
            SELECT (SELECT count(*) FROM failures) AS failures, (SELECT min(at) FROM failures) AS first_failure,
                   (SELECT count(*) FROM attempts) AS attempts, (SELECT min(at) FROM attempts) AS first_attempt
            """
        ).first!
        var until: Date?
        if try row.decode("failures", as: Int.self) >= maxFailures {
            until = try row.decode("first_failure", as: Date.self).addingTimeInterval(window)
        }
        if try row.decode("attempts", as: Int.self) >= maxAttemptsPerClient {
            let clientUntil = try row.decode("first_attempt", as: Date.self).addingTimeInterval(window)
            until = max(until ?? clientUntil, clientUntil)
        }
        if let until {
            // whole seconds, rounded up, less a millisecond for timestamps stored to the microsecond
            throw ServiceError.throttled(retryAfter: max(1, Int((until.timeIntervalSince(now) - 0.001).rounded(.up))))
        }
    }

    /// Records an attempt and forgets attempts older than a day.
    func record(username: String, client: String, succeeded: Bool, at now: Date, on connection: Connection) throws {
        try connection.query(
            "INSERT INTO login_attempts (username, client, succeeded, at) VALUES (\(username), \(client), \(succeeded), \(now))"
        )
        try connection.query("DELETE FROM login_attempts WHERE at < \(now.addingTimeInterval(-max(window, 86_400)))")
    }
}
