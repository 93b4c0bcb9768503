public import Database
public import Foundation

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

    /// The user's grants as `role|centerId|instructorId` texts (read without a JSON pass: this
    /// runs on every request).
    private static let grants: SQL = """
        coalesce((SELECT array_agg(g.role::text || '|' || coalesce(g.center_id::text, '') || '|' || coalesce(g.instructor_id::text, ''))
                  FROM role_grants g WHERE g.user_id = u.id), '{}') AS grants
        """

    private static func grants(in row: Row) throws -> [RoleGrant] {
        try row.decode("grants", as: [String].self).compactMap { text in
            let parts = text.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 3, let role = Role(rawValue: String(parts[0])) else { return nil }
            return RoleGrant(
                role: role, centerId: UUID(uuidString: String(parts[1])),
                instructorId: UUID(uuidString: String(parts[2])))
        }
    }

    /// The principal of an API token that exists, is not revoked or expired, and whose user is
    /// enabled; `nil` otherwise. A narrowed token brings only the grants of its role.
    public func principal(bearer secret: String) async throws -> Principal? {
        let now = now()
        return try await database.withConnection { connection in
            guard
                let row = try connection.query(
                    """
                    SELECT t.id AS token_id, t.role::text AS token_role, t.last_used_at, u.id, u.username, u.organization_id, \(Self.grants)
                    FROM api_tokens t JOIN users u ON u.id = t.user_id
                    WHERE t.secret_hash = \(Secret.digest(secret)) AND t.revoked_at IS NULL AND t.expires_at > \(now) AND NOT u.disabled
                    """
                ).first
            else { return nil }
            let tokenId: UUID = try row.decode("token_id")
            let lastUsed = try row.decode("last_used_at", as: Date?.self)
            if lastUsed.map({ now.timeIntervalSince($0) > 60 }) ?? true {
                // at most once a minute; requests of one token that race here do not queue on its row
                try connection.query(
                    """
                    UPDATE api_tokens SET last_used_at = \(now)
                    WHERE id = (SELECT id FROM api_tokens WHERE id = \(tokenId) FOR NO KEY UPDATE SKIP LOCKED)
                    """)
            }
            let role = try row.decode("token_role", as: String?.self).flatMap(Role.init(rawValue:))
            let grants = try Self.grants(in: row)
            return Principal(
                userId: try row.decode("id"), username: try row.decode("username"),
                organizationId: try row.decode("organization_id"),
                grants: role.map { role in grants.filter { $0.role == role } } ?? grants, tokenId: tokenId,
                tokenRole: role)
        }
    }

    /// The session of a cookie that exists and has not expired, whose user is enabled; `nil` otherwise.
    public func session(cookie secret: String) async throws -> Session? {
        let now = now()
        return try await database.withConnection { connection in
            guard
                let row = try connection.query(
                    """
                    SELECT s.csrf_token, u.id, u.username, u.organization_id, \(Self.grants)
                    FROM browser_sessions s JOIN users u ON u.id = s.user_id
                    WHERE s.secret_hash = \(Secret.digest(secret)) AND s.expires_at > \(now) AND NOT u.disabled
                    """
                ).first
            else { return nil }
            let principal = Principal(
                userId: try row.decode("id"), username: try row.decode("username"),
                organizationId: try row.decode("organization_id"),
                grants: try Self.grants(in: row))
            return Session(principal: principal, csrfToken: try row.decode("csrf_token"))
        }
    }
}
