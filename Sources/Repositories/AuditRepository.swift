public import Access
public import Database
import Foundation

/// Reads the audit trail (``AuditLog`` writes it).
public struct AuditRepository: Sendable {
    public init() {}

    /// The rows that match every condition of `filter`, newest first.
    public func entries(
        _ filter: AuditFilter, limit: Int, offset: Int, on connection: Connection
    ) throws
        -> [AuditEntry]
    {
        var condition: SQL = "true"
        if let entity = filter.entity { condition.append(" AND entity = \(entity)") }
        if let entityId = filter.entityId { condition.append(" AND entity_id = \(entityId)") }
        if let userId = filter.userId { condition.append(" AND user_id = \(userId)") }
        if let action = filter.action { condition.append(" AND action = \(action)") }
        if let from = filter.from { condition.append(" AND at >= \(from)") }
        if let to = filter.to { condition.append(" AND at < \(to)") }
        return try connection.query(
            """
            SELECT id, at, user_id, token_id, action, entity, entity_id, before, after FROM audit_log
            WHERE \(condition) ORDER BY id DESC LIMIT \(limit) OFFSET \(offset)
            """
        ).map { row in
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
