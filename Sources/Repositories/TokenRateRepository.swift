public import Database
public import Foundation

/// Counts API tokens' requests in `token_rate_windows`: one-minute windows that open with a
/// token's first request after the last window closed, shared by every process on the database.
public struct TokenRateRepository: Sendable {
    public init() {}

    /// Counts one request of the token at `now` in one statement (concurrent requests of one
    /// token queue only on its row, for the statement's length).
    /// - Returns: the requests in the token's current window, this one included, and when the
    ///   window opened.
    public func count(
        tokenId: UUID, at now: Date, on connection: Connection
    ) throws -> (
        requests: Int, windowStart: Date
    ) {
        let closed = now.addingTimeInterval(-60)
        let row = try connection.query(
            """
            INSERT INTO token_rate_windows AS w (token_id, window_start, requests) VALUES (\(tokenId), \(now), 1)
            ON CONFLICT (token_id) DO UPDATE SET
                window_start = CASE WHEN w.window_start <= \(closed) THEN \(now) ELSE w.window_start END,
                requests = CASE WHEN w.window_start <= \(closed) THEN 1 ELSE w.requests + 1 END
            RETURNING requests, window_start
            """
        ).first!
        return (try row.decode("requests"), try row.decode("window_start"))
    }
}
