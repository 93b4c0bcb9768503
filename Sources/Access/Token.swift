public import Foundation

/// An API token as its owner lists it: never the secret, which is shown once at creation.
public struct Token: Sendable, Equatable, Codable {
    public var id: UUID
    public var userId: UUID
    public var name: String
    /// The one role the token carries; `nil`: all of its user's roles.
    public var role: Role?
    public var expiresAt: Date
    public var revokedAt: Date?
    public var lastUsedAt: Date?
    public var createdAt: Date

    public init(
        id: UUID, userId: UUID, name: String, role: Role?, expiresAt: Date, revokedAt: Date?, lastUsedAt: Date?,
        createdAt: Date
    ) {
        self.id = id
        self.userId = userId
        self.name = name
        self.role = role
        self.expiresAt = expiresAt
        self.revokedAt = revokedAt
        self.lastUsedAt = lastUsedAt
        self.createdAt = createdAt
    }
}

/// A token being asked for.
public struct NewToken: Sendable, Decodable {
    public var name: String
    /// Default: 90 days from now; at most 366 days ahead.
    public var expiresAt: Date?
    public var role: Role?

    public init(name: String, expiresAt: Date? = nil, role: Role? = nil) {
        self.name = name
        self.expiresAt = expiresAt
        self.role = role
    }
}

/// A token just created, with the secret its caller must keep: it is not stored and never shown again.
public struct IssuedToken: Sendable, Encodable {
    public let token: Token
    /// Send as `Authorization: Bearer <secret>`.
    public let secret: String

    public init(token: Token, secret: String) {
        self.token = token
        self.secret = secret
    }
}
