public import Database
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

/// Reads the audit trail, newest first, for admins and auditors.
public struct AuditTrail: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// - Throws: ``ServiceError/forbidden(_:)`` for anyone but admins and auditors.
    public func entries(
        _ filter: AuditFilter, limit: Int, offset: Int, by principal: Principal
    ) async throws -> [AuditEntry] {
        try Policy(principal).authorize(.read, .auditTrail, entity: "audit entry")
        var condition: SQL = "true"
        if let entity = filter.entity { condition.append(" AND entity = \(entity)") }
        if let entityId = filter.entityId { condition.append(" AND entity_id = \(entityId)") }
        if let userId = filter.userId { condition.append(" AND user_id = \(userId)") }
        if let action = filter.action { condition.append(" AND action = \(action)") }
        if let from = filter.from { condition.append(" AND at >= \(from)") }
        if let to = filter.to { condition.append(" AND at < \(to)") }
        let query: SQL = """
            SELECT id, at, user_id, token_id, action, entity, entity_id, before, after FROM audit_log
            WHERE \(condition) ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)
            """
        return try await database.withConnection { connection in
            try connection.query(query).map { row in
                AuditEntry(
                    id: try row.decode("id"), at: try row.decode("at"),
                    userId: try row.decode("user_id", as: UUID?.self),
                    tokenId: try row.decode("token_id", as: UUID?.self), action: try row.decode("action"),
                    entity: try row.decode("entity"), entityId: try row.decode("entity_id"),
                    before: try row.decode("before", as: JSONB?.self)?.decode(JSONValue.self),
                    after: try row.decode("after", as: JSONB?.self)?.decode(JSONValue.self))
            }
        }
    }
}
