public import Database
import Domain
public import Foundation

/// Accounts: created by an admin (or from the command line for the first admin), read by admins,
/// auditors and their owner, changed by an admin or, for name and password, their owner. Every
/// change writes an audit row in its transaction; password hashes never leave this module.
public struct UserService: Sendable {
    let database: Database
    let hasher: PasswordHasher
    let users = UserRepository()
    let audit = AuditLog()

    public init(database: Database, hasher: PasswordHasher) {
        self.database = database
        self.hasher = hasher
    }

    /// Creates an account on an admin's behalf.
    /// - Throws: ``ServiceError``: `.forbidden` for non-admins, `.invalid` naming the field,
    ///   `.conflict` when the username is taken.
    public func create(_ input: NewUser, by principal: Principal) async throws -> User {
        try Policy(principal).authorize(.create, .accounts, entity: "user")
        return try await create(input, actor: principal.actor)
    }

    /// Creates an account from the command line (the first admin), audited as the system.
    public func createFromCommandLine(_ input: NewUser) async throws -> User {
        try await create(input, actor: .system)
    }

    /// The account, for its owner, admins and auditors; 404 for anyone else.
    public func user(_ id: UUID, by principal: Principal) async throws -> User {
        let users = users
        let record = try await database.withConnection { try users.find(id: id, on: $0) }
        guard let record else { throw ServiceError.notFound(entity: "user") }
        try Policy(principal).authorize(
            .read, .account(userId: id, organizationId: record.user.organizationId), entity: "user")
        return record.user
    }

    /// Accounts by username, optionally of one organization; admins and auditors only.
    public func users(organizationId: UUID?, limit: Int, offset: Int, by principal: Principal) async throws -> [User] {
        try Policy(principal).authorize(.read, .accounts, entity: "user")
        let users = users
        return try await database.withConnection {
            try users.list(organizationId: organizationId, limit: limit, offset: offset, on: $0)
        }
    }

    private func create(_ input: NewUser, actor: AuditActor) async throws -> User {
        var input = input
        input.username = try Self.validatedUsername(input.username)
        do throws(DomainError) {
            input.displayName = try Validate.name(input.displayName, field: "displayName")
        } catch { throw ServiceError.invalid(error) }
        if let password = input.password { _ = try PasswordHasher.validated(password, field: "password") }
        for (index, grant) in input.roles.enumerated() { _ = try grant.validated(field: "roles/\(index)") }
        let hash = try await input.password.asyncMap(hasher.hash)
        let (users, audit, user) = (users, audit, input)
        do {
            return try await database.withTransaction { connection in
                try Self.checkRoles(user.roles, organizationId: user.organizationId, on: connection)
                let created = try users.insert(user, passwordHash: hash, on: connection)
                try audit.record(
                    actor, action: "create", entity: "user", id: created.id.uuidString, before: nil, after: created,
                    on: connection)
                return created
            }
        } catch let error as DatabaseError
            where error.sqlState == .uniqueViolation && error.constraint == "users_username_unique"
        {
            throw ServiceError.conflict("The username \(input.username) is taken.")
        } catch let error as DatabaseError where error.sqlState == .foreignKeyViolation {
            throw ServiceError.invalid(
                DomainError(
                    field: "roles", rule: "exists",
                    message: "A role names a center or an instructor that does not exist."))
        }
    }

    /// A username: 3–64 lower-case letters, digits, `.`, `_`, `-`, starting with a letter or digit.
    static func validatedUsername(_ raw: String) throws(ServiceError) -> String {
        let username = raw.trimmingCharacters(in: .whitespaces)
        let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789._-")
        guard (3...64).contains(username.count), username.allSatisfy(allowed.contains),
            username.first.map({ $0.isLetter || $0.isNumber }) == true
        else {
            throw .invalid(
                DomainError(
                    field: "username", rule: "format",
                    message:
                        "The username '\(raw)' must be 3–64 lower-case letters, digits, '.', '_' or '-', such as wang.li."
                ))
        }
        return username
    }

    /// Checks what the database cannot: the organization exists, a coordinator's organization is
    /// of the matching kind, an instructor role names an instructor of the user's organization.
    static func checkRoles(_ grants: [RoleGrant], organizationId: UUID, on connection: Connection) throws {
        guard let row = try connection.query("SELECT kind::text FROM organizations WHERE id = \(organizationId)").first
        else {
            throw ServiceError.invalid(
                DomainError(
                    field: "organizationId", rule: "exists", message: "No organization has the id \(organizationId)."))
        }
        let kind = OrganizationKind(rawValue: try row.decode("kind"))
        for (index, grant) in grants.enumerated() {
            switch grant.role {
            case .schoolCoordinator where kind?.isSchool != true,
                .enterpriseCoordinator where kind == nil || kind?.isSchool == true || kind == .centerOperator:
                throw ServiceError.invalid(
                    DomainError(
                        field: "roles/\(index)/role", rule: "organizationKind",
                        message:
                            "A \(grant.role.rawValue) must belong to a \(grant.role == .schoolCoordinator ? "school" : "enterprise or institute"); this organization is a \(kind?.rawValue ?? "?")."
                    ))
            case .centerManager:
                guard try !connection.query("SELECT 1 FROM centers WHERE id = \(grant.centerId!)").isEmpty else {
                    throw ServiceError.invalid(
                        DomainError(
                            field: "roles/\(index)/centerId", rule: "exists",
                            message: "No center has the id \(grant.centerId!)."))
                }
            case .instructor:
                let owner = try connection.query(
                    "SELECT organization_id FROM instructors WHERE id = \(grant.instructorId!)"
                ).first
                guard try owner?.decode("organization_id", as: UUID.self) == organizationId else {
                    throw ServiceError.invalid(
                        DomainError(
                            field: "roles/\(index)/instructorId", rule: "exists",
                            message: "No instructor of the user's organization has the id \(grant.instructorId!)."))
                }
            default:
                continue
            }
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
