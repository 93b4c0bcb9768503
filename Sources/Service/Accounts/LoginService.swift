public import Access
public import Database
public import Foundation
import Repositories

/// Password login into a browser session, and logout; both are written to the audit trail.
///
/// A login first reserves an attempt under the ``LoginThrottle`` in its own short transaction
/// (PostgreSQL serializes the attempts of one username and of one client address, across every
/// service process), then runs bcrypt, then opens the session. So a burst of guesses costs at most
/// the allowed number of verifications, and while an account is locked even its right password is
/// refused before it is checked.
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

    /// What the audit trail records of a login.
    private struct Attempt: Encodable {
        let username: String
        let client: String
    }

    /// Checks a username and password and opens a session.
    /// - Parameter client: the caller's address, for throttling.
    /// - Throws: ``ServiceError``: `.invalid` for an empty or oversized username or password
    ///   (before any other work), `.throttled` after repeated failures, `.unauthenticated` for a
    ///   wrong username or password (the same answer for both, in the same time).
    public func login(username: String, password: String, client: String) async throws -> NewSession {
        let username = try AccountText.loginUsername(username)
        let password = try AccountText.givenPassword(password, field: "password")
        let (throttle, now) = (throttle, now())
        let (attempt, record) = try await database.withTransaction { connection in
            let attempt = try LoginAttemptRepository().reserve(
                username: username, client: client, under: throttle, at: now, on: connection)
            return (attempt, try UserRepository().find(username: username, on: connection))
        }
        let matches = try await hasher.verify(password, hash: record?.passwordHash)
        let user = matches ? record.flatMap { $0.user.disabled ? nil : $0.user } : nil
        let (cookie, csrf, expiresAt) = (Secret.generate(), Secret.generate(), now.addingTimeInterval(sessionLifetime))
        try await database.withTransaction { connection in
            let audited = Attempt(username: username, client: client)
            guard let user else {
                try AuditLog().record(
                    AuditActor(userId: record?.user.id, tokenId: nil), action: "login_failed", entity: "user",
                    id: record?.user.id.uuidString ?? username, before: nil, after: audited, on: connection)
                return
            }
            try LoginAttemptRepository().markSucceeded(attempt, on: connection)
            try SessionRepository().insert(
                cookieDigest: Secret.digest(cookie), userId: user.id, csrfToken: csrf, at: now, expiresAt: expiresAt,
                on: connection)
            try AuditLog().record(
                AuditActor(userId: user.id, tokenId: nil), action: "login", entity: "user", id: user.id.uuidString,
                before: nil, after: audited, on: connection)
        }
        guard let user else { throw ServiceError.unauthenticated }
        let principal = Principal(
            userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
        return NewSession(user: user, principal: principal, cookie: cookie, csrfToken: csrf, expiresAt: expiresAt)
    }

    /// Ends the caller's session of this cookie and audits it; nothing happens for an unknown cookie.
    public func logout(cookie: String, as caller: Principal) async throws {
        try await database.withTransaction { connection in
            guard try SessionRepository().delete(cookieDigest: Secret.digest(cookie), of: caller.userId, on: connection)
            else { return }
            try AuditLog().record(
                caller.actor, action: "logout", entity: "user", id: caller.userId.uuidString, before: nil,
                after: ["sessions": 1], on: connection)
        }
    }
}
