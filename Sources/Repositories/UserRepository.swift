public import Access
public import Database
import Domain
public import Foundation

/// Reads and writes `users` and `role_grants`.
public struct UserRepository: Sendable {
    public init() {}

    /// A user and the password hash, which never leaves the account use cases.
    public struct Record: Sendable {
        public let user: User
        public let passwordHash: String?
    }

    private static let columns: SQL = """
        u.id, u.organization_id, u.username, u.display_name, u.password_hash, u.disabled, u.version,
        coalesce((SELECT jsonb_agg(jsonb_build_object('role', g.role, 'centerId', g.center_id, 'instructorId', g.instructor_id)
                                   ORDER BY g.role, g.center_id, g.instructor_id)
                  FROM role_grants g WHERE g.user_id = u.id), '[]') AS roles
        """

    /// The account with this id; with `lock`, its row stays locked (`FOR UPDATE`) until the
    /// transaction ends, so a concurrent change is not written over.
    public func find(id: UUID, lock: Bool = false, on connection: Connection) throws -> Record? {
        if lock, try connection.query("SELECT id FROM users WHERE id = \(id) FOR UPDATE").isEmpty { return nil }
        return try records(where: "u.id = \(id)", limit: 1, offset: 0, on: connection).first
    }

    /// The account with this username.
    public func find(username: String, on connection: Connection) throws -> Record? {
        try records(where: "u.username = \(username)", limit: 1, offset: 0, on: connection).first
    }

    /// Accounts by username, optionally of one organization.
    public func list(organizationId: UUID?, limit: Int, offset: Int, on connection: Connection) throws -> [User] {
        let condition: SQL = organizationId.map { "u.organization_id = \($0)" } ?? "true"
        return try records(where: condition, limit: limit, offset: offset, on: connection).map(\.user)
    }

    /// Inserts an account and its grants.
    /// - Returns: the account, or `nil` when the username is taken (nothing is written).
    public func insert(_ user: NewUser, passwordHash: String?, on connection: Connection) throws -> User? {
        guard let id = try insertAccount(user, passwordHash: passwordHash, on: connection) else { return nil }
        try replaceGrants(of: id, with: user.roles, on: connection)
        return try find(id: id, on: connection)!.user
    }

    /// The new account's id, or `nil` when the username is taken (nothing is written).
    private func insertAccount(_ user: NewUser, passwordHash: String?, on connection: Connection) throws -> UUID? {
        try connection.query(
            """
            INSERT INTO users (organization_id, username, display_name, password_hash)
            VALUES (\(user.organizationId), \(user.username), \(user.displayName), \(passwordHash))
            ON CONFLICT ON CONSTRAINT users_username_unique DO NOTHING
            RETURNING id
            """
        ).first?.decode("id")
    }

    /// Writes the name, password hash and disabled flag and bumps the version (the caller holds the
    /// row's lock and has checked the version).
    public func update(
        _ id: UUID, displayName: String, passwordHash: String?, disabled: Bool, on connection: Connection
    ) throws {
        try connection.query(
            """
            UPDATE users SET display_name = \(displayName), password_hash = \(passwordHash), disabled = \(disabled),
                             version = version + 1, updated_at = now()
            WHERE id = \(id)
            """)
    }

    /// Replaces the account's role grants.
    public func replaceGrants(of userId: UUID, with grants: [RoleGrant], on connection: Connection) throws {
        try connection.query("DELETE FROM role_grants WHERE user_id = \(userId)")
        for grant in Set(grants) {
            try connection.query(
                """
                INSERT INTO role_grants (user_id, role, center_id, instructor_id)
                VALUES (\(userId), \(grant.role.rawValue)::role, \(grant.centerId), \(grant.instructorId))
                """)
        }
    }

    private func records(where condition: SQL, limit: Int, offset: Int, on connection: Connection) throws -> [Record] {
        try connection.query(
            "SELECT \(Self.columns) FROM users u WHERE \(condition) ORDER BY u.username LIMIT \(limit) OFFSET \(offset)"
        ).map { row in
            let hash: String? = try row.decode("password_hash", as: String?.self)
            let roles: JSONB = try row.decode("roles")
            let user = User(
                id: try row.decode("id"), organizationId: try row.decode("organization_id"),
                username: try row.decode("username"), displayName: try row.decode("display_name"),
                roles: try roles.decode([RoleGrant].self), hasPassword: hash != nil,
                disabled: try row.decode("disabled"),
                version: try row.decode("version"))
            return Record(user: user, passwordHash: hash)
        }
    }
}
