import Database
import Domain
public import Foundation

extension UserService {
    /// What the audit trail records of an account: never a hash, only that the password changed.
    struct Snapshot: Encodable {
        let displayName: String
        let disabled: Bool
        let roles: [RoleGrant]
        let password: String?
    }

    /// Changes an account based on `version`. Roles and `disabled` are an admin's to change; the
    /// owner may change the display name and, giving the current one, the password. Disabling an
    /// account or changing its password ends its browser sessions.
    /// - Throws: ``ServiceError``: `.notFound`, `.forbidden`, `.invalid`, `.staleVersion`.
    public func change(_ id: UUID, _ change: UserChange, version: Int, by principal: Principal) async throws -> User {
        let current = try await user(id, by: principal)  // 404 unless the principal may see it
        let policy = Policy(principal)
        try policy.authorize(.change, .account(userId: id, organizationId: current.organizationId), entity: "user")
        let isAdmin = policy.decide(.create, .accounts) == .allowed
        if !isAdmin, change.roles != nil || change.disabled != nil {
            throw ServiceError.forbidden("Only an admin changes roles or disables an account.")
        }
        var newName: String?
        if let name = change.displayName {
            do throws(DomainError) { newName = try Validate.name(name, field: "displayName") } catch {
                throw ServiceError.invalid(error)
            }
        }
        for (index, grant) in (change.roles ?? []).enumerated() { _ = try grant.validated(field: "roles/\(index)") }
        let newPassword = try change.password.map { try PasswordHasher.validated($0, field: "password") }
        if newPassword != nil, !isAdmin {
            let stored = try await database.withConnection { [users] in try users.find(id: id, on: $0)?.passwordHash }
            guard try await hasher.verify(change.currentPassword ?? "", hash: stored) else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "currentPassword", rule: "matches",
                        message: "To change your password, give your current one in currentPassword."))
            }
        }
        let newHash = try await newPassword.asyncMap { try await hasher.hash($0) }
        let (users, audit, actor, validatedName) = (users, audit, principal.actor, newName)
        return try await database.withTransaction { connection in
            // locked first: a concurrent change (an admin disabling the account) is not written over
            guard try !connection.query("SELECT id FROM users WHERE id = \(id) FOR UPDATE").isEmpty,
                let record = try users.find(id: id, on: connection)
            else { throw ServiceError.notFound(entity: "user") }
            guard record.user.version == version else { throw ServiceError.staleVersion(current: record.user.version) }
            let roles = change.roles ?? record.user.roles
            if change.roles != nil {
                try Self.checkRoles(roles, organizationId: record.user.organizationId, on: connection)
            }
            let disabled = change.disabled ?? record.user.disabled
            let displayName = validatedName ?? record.user.displayName
            try users.update(
                id, displayName: displayName, passwordHash: newHash ?? record.passwordHash, disabled: disabled,
                on: connection)
            if change.roles != nil { try users.replaceGrants(of: id, with: roles, on: connection) }
            if newHash != nil || (disabled && !record.user.disabled) {
                try connection.query("DELETE FROM browser_sessions WHERE user_id = \(id)")
            }
            let before = Snapshot(
                displayName: record.user.displayName, disabled: record.user.disabled, roles: record.user.roles,
                password: nil)
            let after = Snapshot(
                displayName: displayName, disabled: disabled, roles: roles, password: newHash == nil ? nil : "changed")
            try audit.record(
                actor, action: "update", entity: "user", id: id.uuidString, before: before, after: after, on: connection
            )
            return try users.find(id: id, on: connection)!.user
        }
    }
}
