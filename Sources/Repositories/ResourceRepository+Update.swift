public import Database
public import Domain
public import Foundation

extension ResourceRepository {
    /// Writes a resource's changeable fields (name, seats, capabilities, parent, status, owner) at the
    /// version the caller read; `nil` when it is stale.
    /// - Throws: ``DatabaseError`` 23505 `resources_name_unique` when the center has the name already.
    public func update(_ resource: Resource, version: Int, on connection: Connection) throws -> Resource? {
        try connection.query(
            """
            UPDATE resources
            SET name = \(resource.name), seats = \(resource.seats)::int4, capabilities = \(resource.capabilities),
                parent_id = \(resource.parentId), status = \(resource.status.rawValue)::resource_status,
                owner_kind = \(resource.owner.kind.rawValue)::resource_owner,
                owner_organization_id = \(resource.owner.organizationId), owner_fund = \(resource.owner.fund),
                version = version + 1, updated_at = now()
            WHERE id = \(resource.id) AND version = \(version)::int4
            RETURNING \(Self.columns)
            """
        ).first.map(Self.resource(from:))
    }

    /// Whether `ancestorId` is `id` itself or contains it: a parent that would close a loop.
    public func contains(_ ancestorId: UUID, resource id: UUID, on connection: Connection) throws -> Bool {
        try !connection.query(
            "SELECT 1 FROM resource_ancestors(\(id)) a WHERE a.resource_id = \(ancestorId)"
        ).isEmpty
    }
}
