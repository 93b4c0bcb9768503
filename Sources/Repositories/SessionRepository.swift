public import Access
public import Database
public import Foundation

/// Reads and writes `browser_sessions`: the cookie's SHA-256 and the CSRF token it must echo.
public struct SessionRepository: Sendable {
    public init() {}

    /// Opens a session (and forgets the expired ones).
    public func insert(
        cookieDigest: [UInt8], userId: UUID, csrfToken: String, at now: Date, expiresAt: Date,
        on connection: Connection
    ) throws {
        try connection.query("DELETE FROM browser_sessions WHERE expires_at <= \(now)")
        try connection.query(
            """
            INSERT INTO browser_sessions (secret_hash, user_id, csrf_token, created_at, expires_at)
            VALUES (\(Bytes(cookieDigest)), \(userId), \(csrfToken), \(now), \(expiresAt))
            """)
    }

    /// Ends the user's session of this cookie; returns whether there was one.
    @discardableResult
    public func delete(cookieDigest: [UInt8], of userId: UUID, on connection: Connection) throws -> Bool {
        try !connection.query(
            "DELETE FROM browser_sessions WHERE secret_hash = \(Bytes(cookieDigest)) AND user_id = \(userId) RETURNING user_id"
        ).isEmpty
    }

    /// Ends every session of a user; returns how many there were.
    @discardableResult
    public func deleteAll(of userId: UUID, on connection: Connection) throws -> Int {
        try connection.query("DELETE FROM browser_sessions WHERE user_id = \(userId) RETURNING user_id").count
    }

    /// The principal and CSRF token of a cookie's session that exists and has not expired, whose
    /// user is enabled; `nil` otherwise.
    public func find(
        cookieDigest: [UInt8], at now: Date, on connection: Connection
    ) throws -> (principal: Principal, csrfToken: String)? {
        guard
            let row = try connection.query(
                """
                SELECT s.csrf_token, \(CredentialRow.userColumns)
                FROM browser_sessions s JOIN users u ON u.id = s.user_id
                WHERE s.secret_hash = \(Bytes(cookieDigest)) AND s.expires_at > \(now) AND NOT u.disabled
                """
            ).first
        else { return nil }
        return (try CredentialRow.principal(row), try row.decode("csrf_token"))
    }
}
