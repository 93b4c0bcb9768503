public import Access
public import Database
public import Foundation

/// Reads and writes `api_tokens`: only the SHA-256 of a secret is ever stored or looked up.
public struct TokenRepository: Sendable {
    public init() {}

    private static let columns: SQL =
        "id, user_id, name, role::text AS role, expires_at, revoked_at, last_used_at, created_at"

    /// Inserts a token whose secret has this digest.
    public func insert(
        userId: UUID, name: String, secretDigest: [UInt8], role: Role?, expiresAt: Date, at now: Date,
        on connection: Connection
    ) throws -> Token {
        try Self.token(
            try connection.query(
                """
                INSERT INTO api_tokens (user_id, name, secret_hash, role, expires_at, created_at)
                VALUES (\(userId), \(name), \(Bytes(secretDigest)), \(role?.rawValue)::role, \(expiresAt), \(now))
                RETURNING \(Self.columns)
                """
            ).first!)
    }

    /// A user's tokens, newest first.
    public func list(userId: UUID, limit: Int, offset: Int, on connection: Connection) throws -> [Token] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM api_tokens WHERE user_id = \(userId)
            ORDER BY created_at DESC, id LIMIT \(limit) OFFSET \(offset)
            """
        ).map(Self.token)
    }

    /// The token, locked until the transaction ends, and its owner's organization.
    public func lock(_ id: UUID, on connection: Connection) throws -> (token: Token, organizationId: UUID)? {
        guard
            let row = try connection.query(
                """
                SELECT \(Self.columns), (SELECT organization_id FROM users WHERE users.id = user_id) AS organization_id
                FROM api_tokens WHERE id = \(id) FOR UPDATE
                """
            ).first
        else { return nil }
        return (try Self.token(row), try row.decode("organization_id"))
    }

    /// Marks one token revoked and returns it.
    public func revoke(_ id: UUID, at now: Date, on connection: Connection) throws -> Token {
        try Self.token(
            try connection.query(
                "UPDATE api_tokens SET revoked_at = \(now) WHERE id = \(id) RETURNING \(Self.columns)"
            ).first!)
    }

    /// Revokes every token of a user not yet revoked; returns their ids.
    public func revokeAll(of userId: UUID, at now: Date, on connection: Connection) throws -> [UUID] {
        try connection.query(
            "UPDATE api_tokens SET revoked_at = \(now) WHERE user_id = \(userId) AND revoked_at IS NULL RETURNING id"
        ).map { try $0.decode("id") }
    }

    /// The principal of a token that exists, is not revoked or expired, and whose user is enabled;
    /// `nil` otherwise. Notes its use at most once a minute, skipping a row another request holds.
    public func principal(secretDigest: [UInt8], at now: Date, on connection: Connection) throws -> Principal? {
        guard
            let row = try connection.query(
                """
                SELECT t.id AS token_id, t.role::text AS token_role, t.last_used_at, \(CredentialRow.userColumns)
                FROM api_tokens t JOIN users u ON u.id = t.user_id
                WHERE t.secret_hash = \(Bytes(secretDigest)) AND t.revoked_at IS NULL AND t.expires_at > \(now) AND NOT u.disabled
                """
            ).first
        else { return nil }
        let tokenId: UUID = try row.decode("token_id")
        let lastUsed = try row.decode("last_used_at", as: Date?.self)
        if lastUsed.map({ now.timeIntervalSince($0) > 60 }) ?? true {
            // requests of one token that race here do not queue on its row
            try connection.query(
                """
                UPDATE api_tokens SET last_used_at = \(now)
                WHERE id = (SELECT id FROM api_tokens WHERE id = \(tokenId) FOR NO KEY UPDATE SKIP LOCKED)
                """)
        }
        let role = try row.decode("token_role", as: String?.self).flatMap(Role.init(rawValue:))
        return try CredentialRow.principal(row, tokenId: tokenId, tokenRole: role)
    }

    private static func token(_ row: Row) throws -> Token {
        Token(
            id: try row.decode("id"), userId: try row.decode("user_id"), name: try row.decode("name"),
            role: try row.decode("role", as: String?.self).flatMap(Role.init(rawValue:)),
            expiresAt: try row.decode("expires_at"),
            revokedAt: try row.decode("revoked_at", as: Date?.self),
            lastUsedAt: try row.decode("last_used_at", as: Date?.self),
            createdAt: try row.decode("created_at"))
    }
}
