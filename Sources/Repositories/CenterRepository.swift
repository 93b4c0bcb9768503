public import Database
public import Domain
public import Foundation

/// Reads and writes `centers` rows.
public struct CenterRepository: Sendable {
    public init() {}

    static let columns: SQL = "id, name, operator_id, time_zone, slot_minutes, version"

    /// Inserts a center.
    /// - Throws: ``DatabaseError``: 23505 `centers_name_unique`, 23503 for an unknown operator.
    public func insert(
        name: String, operatorId: UUID, timeZone: String, slotMinutes: Int, on connection: Connection
    ) throws -> Center {
        let rows = try connection.query(
            """
            INSERT INTO centers (name, operator_id, time_zone, slot_minutes)
            VALUES (\(name), \(operatorId), \(timeZone), \(slotMinutes)::int4)
            RETURNING \(Self.columns)
            """)
        return try Self.center(from: rows.first!)
    }

    /// The center with this id; `forUpdate` locks its row until the transaction ends.
    public func find(id: UUID, forUpdate: Bool = false, on connection: Connection) throws -> Center? {
        try connection.run(findQuery(id: id, forUpdate: forUpdate))
    }

    /// ``find(id:forUpdate:on:)`` as a query, to send in a pipeline.
    public func findQuery(id: UUID, forUpdate: Bool = false) -> Query<Center?> {
        let lock: SQL = forUpdate ? " FOR UPDATE" : ""
        return Query("SELECT \(Self.columns) FROM centers WHERE id = \(id)\(lock)") {
            try $0.first.map(Self.center(from:))
        }
    }

    /// Centers by name, at most `limit` after `offset`.
    public func list(limit: Int, offset: Int, on connection: Connection) throws -> [Center] {
        try connection.query("SELECT \(Self.columns) FROM centers ORDER BY name, id LIMIT \(limit) OFFSET \(offset)")
            .map(Self.center(from:))
    }

    /// Writes a center's name and slot length at the version the caller read; `nil` when it is stale.
    /// - Throws: ``DatabaseError`` 23505 `centers_name_unique`.
    public func update(_ center: Center, version: Int, on connection: Connection) throws -> Center? {
        try connection.query(
            """
            UPDATE centers SET name = \(center.name), slot_minutes = \(center.slotMinutes)::int4,
                version = version + 1, updated_at = now()
            WHERE id = \(center.id) AND version = \(version)::int4
            RETURNING \(Self.columns)
            """
        ).first.map(Self.center(from:))
    }

    static func center(from row: Row) throws -> Center {
        Center(
            id: try row.decode("id"), name: try row.decode("name"), operatorId: try row.decode("operator_id"),
            timeZone: try row.decode("time_zone"), slotMinutes: try row.decode("slot_minutes"),
            version: try row.decode("version"))
    }
}
