public import Access
public import Database
import Domain
public import Foundation
import Repositories

/// API tokens: created by a user for themselves (or by an admin, the command line, for a user),
/// listed by their owner, revoked by their owner or an admin, with effect on the very next request.
public struct TokenService: Sendable {
    let database: Database
    let now: @Sendable () -> Date
    let tokens = TokenRepository()

    /// - Parameter now: the clock that expiry is measured against.
    public init(database: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Creates a token for the caller's own account, narrowed to `input.role` when given.
    /// - Throws: ``ServiceError/invalid(_:)`` for a bad name, expiry, or a role the caller does
    ///   not hold (a narrowed token can only create tokens of its own role).
    public func create(_ input: NewToken, as caller: Principal) async throws -> IssuedToken {
        if let narrowed = caller.tokenRole, input.role != narrowed {
            throw ServiceError.invalid(
                DomainError(
                    field: "role", rule: "held",
                    message: "A token narrowed to \(narrowed.rawValue) can only create tokens of that role."))
        }
        return try await issue(input, as: caller) { _ in
            try Policy(caller).authorize(
                .change, .account(userId: caller.userId, organizationId: caller.organizationId), entity: "token")
            return (caller.userId, caller.grants)
        }
    }

    /// Creates a token for another user's account: an admin's (the command line's) use case.
    /// - Throws: ``ServiceError``: `.forbidden` for anyone but an admin, `.notFound` for an
    ///   unknown or disabled username, `.invalid` as ``create(_:as:)``.
    public func create(_ input: NewToken, for username: String, as caller: Principal) async throws -> IssuedToken {
        try await issue(input, as: caller) { connection in
            try Policy(caller).authorize(.create, .accounts, entity: "token")
            guard let record = try UserRepository().find(username: username, on: connection), !record.user.disabled
            else { throw ServiceError.notFound(entity: "user") }
            return (record.user.id, record.user.roles)
        }
    }

    /// The caller's own tokens, newest first.
    public func tokens(limit: Int, offset: Int, as caller: Principal) async throws -> [Token] {
        let tokens = tokens
        return try await database.withConnection { connection in
            try Policy(caller).authorize(
                .read, .account(userId: caller.userId, organizationId: caller.organizationId), entity: "token")
            return try tokens.list(userId: caller.userId, limit: limit, offset: offset, on: connection)
        }
    }

    /// Revokes a token of the caller's own (or any, for an admin); revoking twice changes nothing.
    /// - Throws: ``ServiceError/notFound(entity:)`` for a token the caller may not see.
    public func revoke(_ id: UUID, as caller: Principal) async throws -> Token {
        let (tokens, now) = (tokens, now())
        return try await database.withTransaction { connection in
            guard let (current, organizationId) = try tokens.lock(id, on: connection) else {
                throw ServiceError.notFound(entity: "token")
            }
            try Policy(caller).authorize(
                .change, .account(userId: current.userId, organizationId: organizationId), entity: "token")
            guard current.revokedAt == nil else { return current }
            let revoked = try tokens.revoke(id, at: now, on: connection)
            try AuditLog().record(
                caller.actor, action: "revoke", entity: "api_token", id: id.uuidString, before: current,
                after: revoked, on: connection)
            return revoked
        }
    }

    /// Checks the input, then in one transaction: finds the owner (authorizing), checks the role
    /// is held, inserts the token and its audit row.
    private func issue(
        _ input: NewToken, as caller: Principal,
        owner: @escaping @Sendable (Connection) throws -> (UUID, [RoleGrant])
    ) async throws -> IssuedToken {
        let now = now()
        let (name, expiresAt) = try Self.validated(input, at: now)
        let (secret, tokens) = (Secret.generate(prefix: "pxt_"), tokens)
        let token = try await database.withTransaction { connection in
            let (userId, held) = try owner(connection)
            if let role = input.role, !held.contains(where: { $0.role == role }) {
                throw ServiceError.invalid(
                    DomainError(
                        field: "role", rule: "held", message: "The account does not hold the role \(role.rawValue)."))
            }
            let token = try tokens.insert(
                userId: userId, name: name, secretDigest: Secret.digest(secret), role: input.role,
                expiresAt: expiresAt, at: now, on: connection)
            try AuditLog().record(
                caller.actor, action: "create", entity: "api_token", id: token.id.uuidString, before: nil,
                after: token, on: connection)
            return token
        }
        return IssuedToken(token: token, secret: secret)
    }

    /// The token's name (1–100 characters) and expiry (default 90 days, at most 366 ahead).
    private static func validated(_ input: NewToken, at now: Date) throws -> (name: String, expiresAt: Date) {
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
        return (name, expiresAt)
    }
}
