public import Access
public import Database
public import Foundation
import Repositories

/// Turns the credentials of a request (a bearer token, a session cookie) into a ``Principal``.
/// Every request reads the token or session row, so expiry, revocation, logout and disabling an
/// account take effect on the next request.
public struct Authenticator: Sendable {
    let database: Database
    let now: @Sendable () -> Date

    public init(database: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// A browser session: who it is and the CSRF token its state-changing requests must echo.
    public struct Session: Sendable {
        public let principal: Principal
        public let csrfToken: String

        /// Whether a request's `X-CSRF-Token` is this session's token (compared in constant time).
        public func accepts(csrfToken candidate: String?) -> Bool {
            candidate.map { Secret.constantTimeEquals($0, csrfToken) } ?? false
        }
    }

    /// The principal of an API token that exists, is not revoked or expired, and whose user is
    /// enabled; `nil` otherwise. A narrowed token brings only the grants of its role. The request
    /// is counted against the token's limit per minute on the same connection, in the database, so
    /// that all processes share one count.
    /// - Throws: ``ServiceError/throttled(retryAfter:)`` once the token used up its minute.
    public func principal(bearer secret: String, requestsPerMinute limit: Int) async throws -> Principal? {
        let now = now()
        let (principal, window) = try await database.withConnection { connection in
            let principal = try TokenRepository().principal(
                secretDigest: Secret.digest(secret), at: now, on: connection)
            let window = try principal?.tokenId.map {
                try TokenRateRepository().count(tokenId: $0, at: now, on: connection)
            }
            return (principal, window)
        }
        if let window, window.requests > limit {
            // the stored start is rounded to microseconds, so it may lie a hair after `now`
            let elapsed = max(0, now.timeIntervalSince(window.windowStart))
            throw ServiceError.throttled(retryAfter: max(1, Int((60 - elapsed).rounded(.up))))
        }
        return principal
    }

    /// The session of a cookie that exists and has not expired, whose user is enabled; `nil` otherwise.
    public func session(cookie secret: String) async throws -> Session? {
        let now = now()
        return try await database.withConnection { connection in
            try SessionRepository().find(cookieDigest: Secret.digest(secret), at: now, on: connection).map {
                Session(principal: $0.principal, csrfToken: $0.csrfToken)
            }
        }
    }
}
