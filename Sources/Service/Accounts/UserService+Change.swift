public import Access
import Database
import Domain
public import Foundation
import Repositories

extension UserService {
    /// What the audit trail records of an account: never a hash, only that the password changed.
    struct Snapshot: Encodable {
        let displayName: String
        let disabled: Bool
        let roles: [RoleGrant]
        let password: String?
    }

    /// Changes an account based on `version`. Roles and `disabled` are an admin's to change; the
    /// owner may change the display name and, giving the current one, the password. A password
    /// change (or an admin's reset) and disabling an account revoke all its API tokens and end
    /// all its browser sessions, in the same transaction.
    /// - Throws: ``ServiceError``: `.notFound`, `.forbidden`, `.invalid`, `.staleVersion`.
    public func change(_ id: UUID, _ change: UserChange, version: Int, as caller: Principal) async throws -> User {
        let newName = try change.displayName.map(Self.validatedName)
        for (index, grant) in (change.roles ?? []).enumerated() { _ = try grant.validated(field: "roles/\(index)") }
        let newPassword = try change.password.map { try PasswordHasher.validated($0, field: "password") }
        let current = try change.currentPassword.map { try AccountText.givenPassword($0, field: "currentPassword") }
        var newHash: String?
        if let newPassword {
            // before bcrypt runs: the caller may change this account, and (not an admin) knows its password
            let stored = try await authorized(id, change, as: caller)
            if let stored, try await !hasher.verify(current ?? "", hash: stored) {
                throw ServiceError.invalid(
                    DomainError(
                        field: "currentPassword", rule: "matches",
                        message: "To change your password, give your current one in currentPassword."))
            }
            newHash = try await hasher.hash(newPassword)
        }
        let (name, hash, now) = (newName, newHash, Date())
        return try await database.withTransaction { connection in
            try Self.apply(
                change, to: id, version: version, name: name, hash: hash, at: now, as: caller, on: connection)
        }
    }

    /// The transaction of ``change(_:_:version:as:)``: lock, authorize, check the version, write,
    /// audit, and revoke the credentials when the password changed or the account was disabled.
    private static func apply(
        _ change: UserChange, to id: UUID, version: Int, name: String?, hash: String?, at now: Date,
        as caller: Principal, on connection: Connection
    ) throws -> User {
        let users = UserRepository()
        guard let record = try users.find(id: id, lock: true, on: connection) else {
            throw ServiceError.notFound(entity: "user")
        }
        try authorize(change, of: record.user, as: caller)
        guard record.user.version == version else { throw ServiceError.staleVersion(current: record.user.version) }
        let roles = change.roles ?? record.user.roles
        if change.roles != nil {
            try checkRoles(roles, organizationId: record.user.organizationId, on: connection)
            try users.replaceGrants(of: id, with: roles, on: connection)
        }
        let disabled = change.disabled ?? record.user.disabled
        let displayName = name ?? record.user.displayName
        try users.update(
            id, displayName: displayName, passwordHash: hash ?? record.passwordHash, disabled: disabled, on: connection)
        try AuditLog().record(
            caller.actor, action: "update", entity: "user", id: id.uuidString,
            before: Snapshot(
                displayName: record.user.displayName, disabled: record.user.disabled, roles: record.user.roles,
                password: nil),
            after: Snapshot(
                displayName: displayName, disabled: disabled, roles: roles, password: hash == nil ? nil : "changed"),
            on: connection)
        if hash != nil || (disabled && !record.user.disabled) {
            try revokeCredentials(of: id, at: now, as: caller, on: connection)
        }
        return try users.find(id: id, on: connection)!.user
    }

    /// Reads the account to check, before a password is hashed, that the caller may make this
    /// change; returns the stored hash the caller must confirm, `nil` for an admin.
    private func authorized(_ id: UUID, _ change: UserChange, as caller: Principal) async throws -> String?? {
        let users = users
        return try await database.withConnection { connection in
            guard let record = try users.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "user")
            }
            let isAdmin = try Self.authorize(change, of: record.user, as: caller)
            return isAdmin ? nil : .some(record.passwordHash)
        }
    }

    /// The caller may change the account, and only an admin changes roles or disables it.
    /// - Returns: whether the caller is an admin.
    @discardableResult
    private static func authorize(_ change: UserChange, of user: User, as caller: Principal) throws -> Bool {
        let policy = Policy(caller)
        try policy.authorize(.change, .account(userId: user.id, organizationId: user.organizationId), entity: "user")
        let isAdmin = policy.decide(.create, .accounts) == .allowed
        if !isAdmin, change.roles != nil || change.disabled != nil {
            throw ServiceError.forbidden("Only an admin changes roles or disables an account.", rule: "changesRoles")
        }
        return isAdmin
    }

    /// Revokes every API token of the account and ends every browser session, auditing each token.
    private static func revokeCredentials(
        of id: UUID, at now: Date, as caller: Principal, on connection: Connection
    )
        throws
    {
        let ended = try SessionRepository().deleteAll(of: id, on: connection)
        for token in try TokenRepository().revokeAll(of: id, at: now, on: connection) {
            try AuditLog().record(
                caller.actor, action: "revoke", entity: "api_token", id: token.uuidString, before: nil,
                after: ["reason": "password changed or account disabled"], on: connection)
        }
        if ended > 0 {
            try AuditLog().record(
                caller.actor, action: "end_sessions", entity: "user", id: id.uuidString, before: nil,
                after: ["sessions": ended], on: connection)
        }
    }

    private static func validatedName(_ name: String) throws -> String {
        do throws(DomainError) { return try Validate.name(name, field: "displayName") } catch {
            throw ServiceError.invalid(error)
        }
    }
}
