public import Database
public import Domain
public import Foundation

/// Reads and writes `organizations` rows.
public struct OrganizationRepository: Sendable {
    public init() {}

    /// Inserts an organization and returns it with its new id.
    /// - Parameter homeCenterId: the center whose manager onboards it (`nil`: an admin registers it).
    /// - Throws: ``DatabaseError`` (23505 `organizations_name_unique` when the name is taken).
    public func insert(
        name: String, kind: OrganizationKind, homeCenterId: UUID? = nil, on connection: Connection
    ) throws -> Organization {
        let rows = try connection.query(
            """
            INSERT INTO organizations (name, kind, home_center_id)
            VALUES (\(name), \(kind.rawValue)::organization_kind, \(homeCenterId))
            RETURNING id, name, kind, version
            """)
        return try Self.organization(from: rows.first!)
    }

    /// The organization with this id, if any; `forUpdate` locks it until the transaction ends.
    public func find(id: UUID, forUpdate: Bool = false, on connection: Connection) throws -> Organization? {
        let lock: SQL = forUpdate ? " FOR UPDATE" : ""
        let rows = try connection.query("SELECT id, name, kind, version FROM organizations WHERE id = \(id)\(lock)")
        return try rows.first.map(Self.organization(from:))
    }

    /// Organizations by name, optionally of one kind, at most `limit` after `offset`.
    public func list(
        kind: OrganizationKind?, limit: Int, offset: Int, on connection: Connection
    ) throws -> [Organization] {
        var query: SQL = "SELECT id, name, kind, version FROM organizations"
        if let kind { query.append(" WHERE kind = \(kind.rawValue)::organization_kind") }
        query.append(" ORDER BY name, id LIMIT \(limit) OFFSET \(offset)")
        return try connection.query(query).map(Self.organization(from:))
    }

    static func organization(from row: Row) throws -> Organization {
        Organization(
            id: try row.decode("id"), name: try row.decode("name"), kind: try row.decode("kind"),
            version: try row.decode("version"))
    }
}
