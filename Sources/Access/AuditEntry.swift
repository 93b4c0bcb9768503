public import Foundation

/// One row of the audit trail.
public struct AuditEntry: Sendable, Equatable, Encodable {
    public let id: Int
    public let at: Date
    public let userId: UUID?
    /// The user's username, for a reader who should not have to look the id up.
    public let username: String?
    public let tokenId: UUID?
    public let action: String
    public let entity: String
    public let entityId: String
    /// The changed fields as they were (`nil` for a creation).
    public let before: JSONValue?
    /// The changed fields as they became (`nil` for a removal).
    public let after: JSONValue?

    public init(
        id: Int, at: Date, userId: UUID?, username: String? = nil, tokenId: UUID?, action: String, entity: String,
        entityId: String, before: JSONValue?, after: JSONValue?
    ) {
        self.id = id
        self.at = at
        self.userId = userId
        self.username = username
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
    /// Rows about the center itself or about a booking (session), request, resource, plan, term,
    /// instructor, maintenance window or closure of it.
    public var centerId: UUID?

    public init(
        entity: String? = nil, entityId: String? = nil, userId: UUID? = nil, action: String? = nil, from: Date? = nil,
        to: Date? = nil, centerId: UUID? = nil
    ) {
        self.entity = entity
        self.entityId = entityId
        self.userId = userId
        self.action = action
        self.from = from
        self.to = to
        self.centerId = centerId
    }
}
