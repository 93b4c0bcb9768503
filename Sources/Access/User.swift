public import Foundation

/// An account as anyone may read it: never its password hash.
public struct User: Sendable, Equatable, Codable {
    public var id: UUID
    public var organizationId: UUID
    public var username: String
    public var displayName: String
    public var roles: [RoleGrant]
    /// Whether the account can sign in with a password (otherwise API tokens only).
    public var hasPassword: Bool
    /// A disabled account's sessions and tokens stop working at once.
    public var disabled: Bool
    public var version: Int

    public init(
        id: UUID, organizationId: UUID, username: String, displayName: String, roles: [RoleGrant], hasPassword: Bool,
        disabled: Bool, version: Int
    ) {
        self.id = id
        self.organizationId = organizationId
        self.username = username
        self.displayName = displayName
        self.roles = roles
        self.hasPassword = hasPassword
        self.disabled = disabled
        self.version = version
    }
}

/// A new account.
public struct NewUser: Sendable, Decodable {
    public var username: String
    public var displayName: String
    public var organizationId: UUID
    /// Omitted: the account uses API tokens only.
    public var password: String?
    public var roles: [RoleGrant]

    public init(username: String, displayName: String, organizationId: UUID, password: String?, roles: [RoleGrant]) {
        self.username = username
        self.displayName = displayName
        self.organizationId = organizationId
        self.password = password
        self.roles = roles
    }
}

/// A change to an account; absent fields stay as they are. Roles and `disabled` are an admin's
/// to change; a user may change their own display name and password (giving the current one).
public struct UserChange: Sendable, Decodable {
    public var displayName: String?
    public var password: String?
    public var currentPassword: String?
    public var disabled: Bool?
    public var roles: [RoleGrant]?

    public init(
        displayName: String? = nil, password: String? = nil, currentPassword: String? = nil, disabled: Bool? = nil,
        roles: [RoleGrant]? = nil
    ) {
        self.displayName = displayName
        self.password = password
        self.currentPassword = currentPassword
        self.disabled = disabled
        self.roles = roles
    }
}
