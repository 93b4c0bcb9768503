public import Database
import Domain
public import Foundation

/// API tokens: created by a user for themselves (or from the command line), listed by their
/// owner, revoked by their owner or an admin, with effect on the very next request.
public struct TokenService: Sendable {
    let database: Database
    let now: @Sendable () -> Date
    let audit = AuditLog()

    /// - Parameter now: the clock that expiry is measured against.
    public init(database: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    private static let columns: SQL =
        "id, user_id, name, role::text AS role, expires_at, revoked_at, last_used_at, created_at"

    /// Creates a token for the principal's own account, narrowed to `input.role` when given.
    /// - Throws: ``ServiceError/invalid(_:)`` for a bad name, expiry, or a role the principal
    ///   does not hold (a narrowed token can only create tokens of its own role).
    public func create(_ input: NewToken, by principal: Principal) async throws -> IssuedToken {
        let held = Set(principal.grants.map(\.role))
        if let role = input.role, !held.contains(role) {
            throw ServiceError.invalid(
                DomainError(field: "role", rule: "held", message: "You do not hold the role \(role.rawValue)."))
        }
        if let narrowed = principal.tokenRole, input.role != narrowed {
            throw ServiceError.invalid(
                DomainError(
                    field: "role", rule: "held",
                    message: "A token narrowed to \(narrowed.rawValue) can only create tokens of that role."))
        }
        return try await issue(input, userId: principal.userId, actor: principal.actor)
    }

    /// Creates a token for a user from the command line, audited as the system.
    /// - Throws: ``ServiceError/notFound(entity:)`` for an unknown username.
    public func createFromCommandLine(_ input: NewToken, username: String) async throws -> IssuedToken {
        let record = try await database.withConnection { try UserRepository().find(username: username, on: $0) }
        guard let record, !record.user.disabled else { throw ServiceError.notFound(entity: "user") }
        if let role = input.role, !record.user.roles.contains(where: { $0.role == role }) {
            throw ServiceError.invalid(
                DomainError(
                    field: "role", rule: "held", message: "\(username) does not hold the role \(role.rawValue)."))
        }
        return try await issue(input, userId: record.user.id, actor: .system)
    }

    /// The principal's own tokens, newest first.
    public func tokens(of principal: Principal, limit: Int, offset: Int) async throws -> [Token] {
        try await database.withConnection { connection in
            try connection.query(
                """
                SELECT \(Self.columns) FROM api_tokens WHERE user_id = \(principal.userId)
                ORDER BY created_at DESC, id LIMIT \(limit) OFFSET \(offset)
                """
            ).map(Self.token)
        }
    }

    /// Revokes a token of the principal's own (or any, for an admin); revoking twice changes nothing.
    /// - Throws: ``ServiceError/notFound(entity:)`` for a token the principal may not see.
    public func revoke(_ id: UUID, by principal: Principal) async throws -> Token {
        let (audit, now) = (audit, now())
        return try await database.withTransaction { connection in
            let row = try connection.query(
                """
                SELECT \(Self.columns), (SELECT organization_id FROM users WHERE users.id = user_id) AS organization_id
                FROM api_tokens WHERE id = \(id) FOR UPDATE
                """
            ).first
            guard let row else { throw ServiceError.notFound(entity: "token") }
            let current = try Self.token(row)
            let owner = Policy.Subject.account(
                userId: current.userId, organizationId: try row.decode("organization_id"))
            try Policy(principal).authorize(.change, owner, entity: "token")
            guard current.revokedAt == nil else { return current }
            let revoked = try Self.token(
                try connection.query(
                    "UPDATE api_tokens SET revoked_at = \(now) WHERE id = \(id) RETURNING \(Self.columns)"
                ).first!)
            try audit.record(
                principal.actor, action: "revoke", entity: "api_token", id: id.uuidString, before: current,
                after: revoked, on: connection)
            return revoked
        }
    }

    private func issue(_ input: NewToken, userId: UUID, actor: AuditActor) async throws -> IssuedToken {
        let now = now()
        let name: String
        do throws(DomainError) { name = try Validate.name(input.name, field: "name") } catch {
            throw ServiceError.invalid(error)
        }
        guard name.unicodeScalars.count <= 100 else {  // as PostgreSQL counts
            throw ServiceError.invalid(
                DomainError(field: "name", rule: "maxLength", message: "The name must be at most 100 characters."))
        }
        let expiresAt = input.expiresAt ?? now.addingTimeInterval(90 * 86_400)
        guard expiresAt > now, expiresAt <= now.addingTimeInterval(366 * 86_400) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "expiresAt", rule: "range",
                    message: "The expiresAt must lie in the future and at most 366 days ahead."))
        }
        let secret = Secret.generate(prefix: "pxt_")
        let audit = audit
        let token = try await database.withTransaction { connection in
            let token = try Self.token(
                try connection.query(
                    """
                    INSERT INTO api_tokens (user_id, name, secret_hash, role, expires_at, created_at)
                    VALUES (\(userId), \(name), \(Secret.digest(secret)), \(input.role?.rawValue)::role, \(expiresAt), \(now))
                    RETURNING \(Self.columns)
                    """
                ).first!)
            try audit.record(
                actor, action: "create", entity: "api_token", id: token.id.uuidString, before: nil, after: token,
                on: connection)
            return token
        }
        return IssuedToken(token: token, secret: secret)
    }

    static func token(_ row: Row) throws -> Token {
        Token(
            id: try row.decode("id"), userId: try row.decode("user_id"), name: try row.decode("name"),
            role: try row.decode("role", as: String?.self).flatMap(Role.init(rawValue:)),
            expiresAt: try row.decode("expires_at"),
            revokedAt: try row.decode("revoked_at", as: Date?.self),
            lastUsedAt: try row.decode("last_used_at", as: Date?.self),
            createdAt: try row.decode("created_at"))
    }
}
