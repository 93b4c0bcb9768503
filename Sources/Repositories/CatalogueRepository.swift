public import Database
public import Domain
public import Foundation

/// Reads and writes `capability_catalogue` rows: a center's capability and skill tags with their labels.
public struct CatalogueRepository: Sendable {
    public init() {}

    static let columns: SQL = "center_id, tag, label_zh, label_en, kind, description, status, version"

    /// Adds an entry; `nil` when the center already has the tag.
    public func insert(_ entry: NewCatalogueEntry, centerId: UUID, on connection: Connection) throws -> CatalogueEntry?
    {
        try connection.query(
            """
            INSERT INTO capability_catalogue (center_id, tag, label_zh, label_en, kind, description)
            VALUES (\(centerId), \(entry.tag), \(entry.labelZh), \(entry.labelEn),
                    \(entry.kind.rawValue)::capability_kind, \(entry.description ?? ""))
            ON CONFLICT (center_id, tag) DO NOTHING
            RETURNING \(Self.columns)
            """
        ).first.map(Self.entry(from:))
    }

    /// The entry of the center with this tag; `forUpdate` locks it until the transaction ends.
    public func find(
        tag: String, centerId: UUID, forUpdate: Bool = false, on connection: Connection
    ) throws
        -> CatalogueEntry?
    {
        let lock: SQL = forUpdate ? " FOR UPDATE" : ""
        return try connection.query(
            "SELECT \(Self.columns) FROM capability_catalogue WHERE center_id = \(centerId) AND tag = \(tag)\(lock)"
        ).first.map(Self.entry(from:))
    }

    /// The center's entries, retired ones included, by kind and tag.
    public func list(centerId: UUID, on connection: Connection) throws -> [CatalogueEntry] {
        try connection.query(
            "SELECT \(Self.columns) FROM capability_catalogue WHERE center_id = \(centerId) ORDER BY kind, tag"
        ).map(Self.entry(from:))
    }

    /// The center's catalogue, to check new input against and to label tags with.
    public func catalogue(centerId: UUID, on connection: Connection) throws -> CapabilityCatalogue {
        CapabilityCatalogue(try list(centerId: centerId, on: connection))
    }

    /// Writes the changeable fields at the version the caller read; `nil` when it is stale.
    public func update(_ entry: CatalogueEntry, version: Int, on connection: Connection) throws -> CatalogueEntry? {
        try connection.query(
            """
            UPDATE capability_catalogue
            SET label_zh = \(entry.labelZh), label_en = \(entry.labelEn), kind = \(entry.kind.rawValue)::capability_kind,
                description = \(entry.description), status = \(entry.status.rawValue)::catalogue_status,
                version = version + 1, updated_at = now()
            WHERE center_id = \(entry.centerId) AND tag = \(entry.tag) AND version = \(version)::int4
            RETURNING \(Self.columns)
            """
        ).first.map(Self.entry(from:))
    }

    static func entry(from row: Row) throws -> CatalogueEntry {
        CatalogueEntry(
            centerId: try row.decode("center_id"), tag: try row.decode("tag"), labelZh: try row.decode("label_zh"),
            labelEn: try row.decode("label_en"), kind: try row.decode("kind"),
            description: try row.decode("description"), status: try row.decode("status"),
            version: try row.decode("version"))
    }
}
