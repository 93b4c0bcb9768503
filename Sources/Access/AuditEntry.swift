public import Foundation

/// One row of the audit trail.
public struct AuditEntry: Sendable, Equatable, Encodable {
    public let id: Int
    public let at: Date
    public let userId: UUID?
    public let tokenId: UUID?
    public let action: String
    public let entity: String
    public let entityId: String
    /// The changed fields as they were (`nil` for a creation).
    public let before: JSONValue?
    /// The changed fields as they became (`nil` for a removal).
    public let after: JSONValue?

    public init(
        id: Int, at: Date, userId: UUID?, tokenId: UUID?, action: String, entity: String, entityId: String,
        before: JSONValue?, after: JSONValue?
    ) {
        self.id = id
        self.at = at
        self.userId = userId
        self.tokenId = tokenId
        self.action = action
        self.entity = entity
        self.entityId = entityId
        self.before = before
        self.after = after
    }
}

/// Which audit rows to read; every condition given must hold.
public struct AuditFilter: Sendable, Equatable {
    public var entity: String?
    public var entityId: String?
    public var userId: UUID?
    public var action: String?
    public var from: Date?
    public var to: Date?

    public init(
        entity: String? = nil, entityId: String? = nil, userId: UUID? = nil, action: String? = nil, from: Date? = nil,
        to: Date? = nil
    ) {
        self.entity = entity
        self.entityId = entityId
        self.userId = userId
        self.action = action
        self.from = from
        self.to = to
    }
}
