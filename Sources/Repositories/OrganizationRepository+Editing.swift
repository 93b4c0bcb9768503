public import Access
public import Database
public import Domain
public import Foundation

extension OrganizationRepository {
    /// What an organization already has that its kind must keep legal: the categories of its
    /// requests, the roles its users hold, and whether instructors are affiliated with it.
    public struct Usage: Sendable, Equatable {
        public var categories: Set<Domain.Category>
        public var roles: Set<Role>
        public var hasInstructors: Bool
    }

    /// Writes a new name and kind and bumps the version (the caller holds the row's lock and has
    /// checked the version).
    /// - Throws: ``DatabaseError`` (23505 when the name is taken).
    public func update(
        _ id: UUID, name: String, kind: OrganizationKind, on connection: Connection
    ) throws -> Organization {
        let rows = try connection.query(
            """
            UPDATE organizations SET name = \(name), kind = \(kind.rawValue)::organization_kind,
                   version = version + 1, updated_at = now()
            WHERE id = \(id) RETURNING id, name, kind, version
            """)
        return try Self.organization(from: rows.first!)
    }

    /// The centers where an organization works: those of its requests, bookings and instructors,
    /// and the center whose manager onboarded it.
    public func workCenters(of id: UUID, on connection: Connection) throws -> Set<UUID> {
        let rows = try connection.query(
            """
            SELECT home_center_id AS center_id FROM organizations WHERE id = \(id) AND home_center_id IS NOT NULL
            UNION SELECT center_id FROM requests WHERE organization_id = \(id)
            UNION SELECT center_id FROM bookings WHERE organization_id = \(id)
            UNION SELECT center_id FROM instructors WHERE organization_id = \(id)
            """)
        return Set(try rows.map { try $0.decode("center_id", as: UUID.self) })
    }

    /// What the organization has that depends on its kind.
    public func usage(of id: UUID, on connection: Connection) throws -> Usage {
        let row = try connection.query(
            """
            SELECT coalesce((SELECT array_agg(DISTINCT category::text) FROM requests WHERE organization_id = \(id)),
                            '{}') AS categories,
                   coalesce((SELECT array_agg(DISTINCT g.role::text) FROM role_grants g JOIN users u ON u.id = g.user_id
                             WHERE u.organization_id = \(id)), '{}') AS roles,
                   EXISTS (SELECT 1 FROM instructors WHERE organization_id = \(id)) AS has_instructors
            """
        ).first!
        return Usage(
            categories: Set(
                try row.decode("categories", as: [String].self).compactMap { Domain.Category(rawValue: $0) }),
            roles: Set(try row.decode("roles", as: [String].self).compactMap { Role(rawValue: $0) }),
            hasInstructors: try row.decode("has_instructors"))
    }
}
