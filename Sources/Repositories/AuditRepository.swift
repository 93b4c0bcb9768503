public import Access
public import Database
import Foundation

/// Reads the audit trail (``AuditLog`` writes it).
public struct AuditRepository: Sendable {
    public init() {}

    /// The rows that match every condition of `filter`, newest first, with the acting user's name.
    public func entries(
        _ filter: AuditFilter, limit: Int, offset: Int, on connection: Connection
    ) throws
        -> [AuditEntry]
    {
        var condition: SQL = "true"
        if let entity = filter.entity { condition.append(" AND a.entity = \(entity)") }
        if let entityId = filter.entityId { condition.append(" AND a.entity_id = \(entityId)") }
        if let userId = filter.userId { condition.append(" AND a.user_id = \(userId)") }
        if let action = filter.action { condition.append(" AND a.action = \(action)") }
        if let from = filter.from { condition.append(" AND a.at >= \(from)") }
        if let to = filter.to { condition.append(" AND a.at < \(to)") }
        if let centerId = filter.centerId { condition.append(Self.about(centerId)) }
        return try connection.query(
            """
            SELECT a.id, a.at, a.user_id, u.username, a.token_id, a.action, a.entity, a.entity_id, a.before, a.after
            FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
            WHERE \(condition) ORDER BY a.id DESC LIMIT \(limit) OFFSET \(offset)
            """
        ).map { row in
            AuditEntry(
                id: try row.decode("id"), at: try row.decode("at"),
                userId: try row.decode("user_id", as: UUID?.self),
                username: try row.decode("username", as: String?.self),
                tokenId: try row.decode("token_id", as: UUID?.self), action: try row.decode("action"),
                entity: try row.decode("entity"), entityId: try row.decode("entity_id"),
                before: try row.decode("before", as: JSONB?.self)?.decode(JSONValue.self),
                after: try row.decode("after", as: JSONB?.self)?.decode(JSONValue.self))
        }
    }

    /// The rows about center `id`: the center itself, or an object whose table names the center
    /// (an attendance mark's id starts with its session's). Ids are written in either case.
    private static func about(_ id: UUID) -> SQL {
        """
         AND (a.entity = 'center' AND lower(a.entity_id) = \(id.uuidString.lowercased())
           OR a.entity IN ('booking', 'session')
              AND lower(a.entity_id) IN (SELECT b.id::text FROM bookings b WHERE b.center_id = \(id))
           OR a.entity = 'attendance_mark'
              AND lower(split_part(a.entity_id, '/', 1)) IN (SELECT b.id::text FROM bookings b WHERE b.center_id = \(id))
           OR a.entity = 'request' AND lower(a.entity_id) IN (SELECT r.id::text FROM requests r WHERE r.center_id = \(id))
           OR a.entity = 'resource' AND lower(a.entity_id) IN (SELECT r.id::text FROM resources r WHERE r.center_id = \(id))
           OR a.entity = 'plan' AND lower(a.entity_id) IN (SELECT p.id::text FROM plans p WHERE p.center_id = \(id))
           OR a.entity = 'term' AND lower(a.entity_id) IN (SELECT t.id::text FROM terms t WHERE t.center_id = \(id))
           OR a.entity = 'instructor'
              AND lower(a.entity_id) IN (SELECT i.id::text FROM instructors i WHERE i.center_id = \(id)))
        """
    }
}
