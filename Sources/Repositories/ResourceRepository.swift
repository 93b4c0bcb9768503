public import Database
public import Domain
public import Foundation

/// Reads and writes `resources` rows.
public struct ResourceRepository: Sendable {
    public init() {}

    static let columns: SQL =
        "id, center_id, kind, name, capabilities, seats, parent_id, status, version, owner_kind, owner_organization_id, owner_fund"

    /// Inserts a resource of a center.
    /// - Throws: ``DatabaseError``: 23505 `resources_name_unique` when the center already has the name.
    public func insert(
        centerId: UUID, kind: ResourceKind, name: String, capabilities: [String], seats: Int, parentId: UUID?,
        on connection: Connection
    ) throws -> Resource {
        let rows = try connection.query(
            """
            INSERT INTO resources (center_id, kind, name, capabilities, seats, parent_id)
            VALUES (\(centerId), \(kind.rawValue)::resource_kind, \(name), \(capabilities), \(seats)::int4, \(parentId))
            RETURNING \(Self.columns)
            """)
        return try Self.resource(from: rows.first!)
    }

    /// The resource with this id, if any.
    public func find(id: UUID, on connection: Connection) throws -> Resource? {
        try connection.query("SELECT \(Self.columns) FROM resources WHERE id = \(id)").first.map(Self.resource(from:))
    }

    /// The resources with these ids that exist, by id.
    public func find(ids: [UUID], on connection: Connection) throws -> [UUID: Resource] {
        try connection.run(findQuery(ids: ids))
    }

    /// ``find(ids:on:)`` as a query, to send in a pipeline.
    public func findQuery(ids: [UUID]) -> Query<[UUID: Resource]> {
        let ids = ids.map { $0.uuidString.lowercased() }
        return Query("SELECT \(Self.columns) FROM resources WHERE id = ANY(\(ids)::uuid[])") { rows in
            Dictionary(uniqueKeysWithValues: try rows.map(Self.resource(from:)).map { ($0.id, $0) })
        }
    }

    /// A center's resources, by name, at most `limit` after `offset`.
    public func list(centerId: UUID, limit: Int, offset: Int, on connection: Connection) throws -> [Resource] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM resources WHERE center_id = \(centerId)
            ORDER BY name, id LIMIT \(limit) OFFSET \(offset)
            """
        ).map(Self.resource(from:))
    }

    /// Sets a resource's status at the version the caller read; `nil` when the version is stale.
    public func setStatus(
        _ status: ResourceStatus, id: UUID, version: Int, on connection: Connection
    ) throws -> Resource? {
        try connection.query(
            """
            UPDATE resources SET status = \(status.rawValue)::resource_status, version = version + 1, updated_at = now()
            WHERE id = \(id) AND version = \(version)::int4
            RETURNING \(Self.columns)
            """
        ).first.map(Self.resource(from:))
    }

    static func resource(from row: Row) throws -> Resource {
        Resource(
            id: try row.decode("id"), centerId: try row.decode("center_id"), kind: try row.decode("kind"),
            name: try row.decode("name"),
            capabilities: try row.decode("capabilities"), seats: try row.decode("seats"),
            parentId: try row.decode("parent_id", as: UUID?.self), status: try row.decode("status"),
            version: try row.decode("version"),
            owner: ResourceOwner(
                kind: try row.decode("owner_kind"),
                organizationId: try row.decode("owner_organization_id", as: UUID?.self),
                fund: try row.decode("owner_fund", as: String?.self)))
    }
}
