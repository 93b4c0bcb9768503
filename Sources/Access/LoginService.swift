public import Database
public import Foundation

/// Password login into a browser session, and logout.
public struct LoginService: Sendable {
    let database: Database
    let hasher: PasswordHasher
    let throttle: LoginThrottle
    let sessionLifetime: TimeInterval
    let now: @Sendable () -> Date

    public init(
        database: Database, hasher: PasswordHasher, throttle: LoginThrottle = LoginThrottle(),
        sessionLifetime: TimeInterval = 8 * 3600, now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.database = database
        self.hasher = hasher
        self.throttle = throttle
        self.sessionLifetime = sessionLifetime
        self.now = now
    }

    /// A new browser session: the cookie value (kept only as its hash) and the CSRF token.
    public struct NewSession: Sendable {
        /// The account signed in, as read for the login.
        public let user: User
        public let principal: Principal
        public let cookie: String
        public let csrfToken: String
        public let expiresAt: Date
    }

    /// Checks a username and password and opens a session.
    /// - Parameter client: the caller's address, for throttling.
    /// - Throws: ``ServiceError``: `.throttled` after repeated failures, `.unauthenticated` for a
    ///   wrong username or password (the same answer for both, in the same time).
    public func login(username: String, password: String, client: String) async throws -> NewSession {
        let (throttle, now) = (throttle, now())
        let record = try await database.withConnection { connection in
            try throttle.check(username: username, client: client, at: now, on: connection)
            return try UserRepository().find(username: username, on: connection)
        }
        let matches = try await hasher.verify(password, hash: record?.passwordHash)
        let user = matches ? record.flatMap { $0.user.disabled ? nil : $0.user } : nil
        let (cookie, csrf, expiresAt) = (Secret.generate(), Secret.generate(), now.addingTimeInterval(sessionLifetime))
        try await database.withTransaction { connection in
            try throttle.record(username: username, client: client, succeeded: user != nil, at: now, on: connection)
            guard let user else { return }
            try connection.query("DELETE FROM browser_sessions WHERE expires_at <= \(now)")
            try connection.query(
                """
                INSERT INTO browser_sessions (secret_hash, user_id, csrf_token, created_at, expires_at)
                VALUES (\(Secret.digest(cookie)), \(user.id), \(csrf), \(now), \(expiresAt))
                """)
        }
        guard let user else { throw ServiceError.unauthenticated }
        let principal = Principal(
            userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
        return NewSession(user: user, principal: principal, cookie: cookie, csrfToken: csrf, expiresAt: expiresAt)
    }

    /// Ends the session of this cookie; nothing happens for an unknown one.
    public func logout(cookie: String) async throws {
        try await database.query("DELETE FROM browser_sessions WHERE secret_hash = \(Secret.digest(cookie))")
    }
}
