public import Access
public import Database
import Domain
public import Foundation
import Repositories

/// Accounts: created by an admin (or the command line, as ``Principal/system``), read by admins,
/// auditors and their owner, changed by an admin or, for name and password, their owner. Every
/// change writes an audit row in its transaction; password hashes never leave the account use cases.
public struct UserService: Sendable {
    let database: Database
    let hasher: PasswordHasher
    let users = UserRepository()

    public init(database: Database, hasher: PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    /// Creates an account on an admin's behalf. Every text is checked, and the caller's right to
    /// create accounts (which depends on no stored object), before the password is hashed.
    /// - Throws: ``ServiceError``: `.forbidden` for non-admins, `.invalid` naming the field,
    ///   `.conflict` when the username is taken.
    public func create(_ input: NewUser, as caller: Principal) async throws -> User {
        try Policy(caller).authorize(.create, .accounts, entity: "user")
        var user = input
        user.username = try AccountText.newUsername(input.username)
        do throws(DomainError) {
            user.displayName = try Validate.name(input.displayName, field: "displayName")
        } catch { throw ServiceError.invalid(error) }
        if let password = input.password { _ = try PasswordHasher.validated(password, field: "password") }
        for (index, grant) in input.roles.enumerated() { _ = try grant.validated(field: "roles/\(index)") }
        let hash = try await input.password.asyncMap(hasher.hash)
        let (users, newUser) = (users, user)
        do {
            return try await database.withTransaction { connection in
                try Policy(caller).authorize(.create, .accounts, entity: "user")
                try Self.checkRoles(newUser.roles, organizationId: newUser.organizationId, on: connection)
                guard let created = try users.insert(newUser, passwordHash: hash, on: connection) else {
                    throw ServiceError.conflict("The username \(newUser.username) is taken.", rule: "taken")
                }
                try AuditLog().record(
                    caller.actor, action: "create", entity: "user", id: created.id.uuidString, before: nil,
                    after: created, on: connection)
                return created
            }
        } catch let error as DatabaseError where error.sqlState == .foreignKeyViolation {
            throw ServiceError.invalid(
                DomainError(
                    field: "roles", rule: "exists",
                    message: "A role names a center or an instructor that does not exist."))
        }
    }

    /// The account, for its owner, admins and auditors; 404 for anyone else.
    public func user(_ id: UUID, as caller: Principal) async throws -> User {
        let users = users
        return try await database.withConnection { connection in
            guard let record = try users.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "user")
            }
            try Policy(caller).authorize(
                .read, .account(userId: id, organizationId: record.user.organizationId), entity: "user")
            return record.user
        }
    }

    /// Accounts by username, optionally of one organization; admins and auditors only.
    public func users(organizationId: UUID?, limit: Int, offset: Int, as caller: Principal) async throws -> [User] {
        let users = users
        return try await database.withConnection { connection in
            try Policy(caller).authorize(.read, .accounts, entity: "user")
            return try users.list(organizationId: organizationId, limit: limit, offset: offset, on: connection)
        }
    }
}

extension Optional {
    /// `map` for an async transform.
    func asyncMap<T>(_ transform: (Wrapped) async throws -> T) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
