public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// A center's capability catalogue: the tags its resources, instructors and requests may name,
/// with Chinese and English labels. Everyone who reads the center reads it; its managers add,
/// rename and retire entries.
public struct CatalogueService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let catalogue = CatalogueRepository()
    let audit = AuditLog()

    public init(database: Database) {
        self.database = database
    }

    /// The center's catalogue, retired entries included, by kind and tag.
    /// - Throws: `.notFound` for an unknown center.
    public func entries(of centerId: UUID, as caller: Principal) async throws -> [CatalogueEntry] {
        let (centers, catalogue) = (centers, catalogue)
        return try await database.reading { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try catalogue.list(centerId: centerId, on: connection)
        }
    }

    /// One entry of the center's catalogue.
    /// - Throws: `.notFound` for an unknown center or tag.
    public func entry(_ tag: String, of centerId: UUID, as caller: Principal) async throws -> CatalogueEntry {
        let catalogue = catalogue
        return try await database.reading { connection in
            guard let entry = try catalogue.find(tag: tag, centerId: centerId, on: connection) else {
                throw ServiceError.notFound(entity: "catalogue entry")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "catalogue entry")
            return entry
        }
    }

    /// Adds a capability or skill to the center's catalogue.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers, `.invalid`,
    ///   `.conflict` when the center has the tag already.
    public func add(_ input: NewCatalogueEntry, to centerId: UUID, as caller: Principal) async throws -> CatalogueEntry
    {
        try await database.withTransaction { try self.add(input, to: centerId, on: $0, as: caller) }
    }

    /// ``add(_:to:as:)`` inside the caller's transaction (the demo seed's).
    func add(
        _ input: NewCatalogueEntry, to centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> CatalogueEntry {
        guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else {
            throw ServiceError.notFound(entity: "center")
        }
        try Policy(caller).authorize(.change, .center(centerId), entity: "center")
        let fields: NewCatalogueEntry
        do { fields = try input.validated() } catch { throw ServiceError.invalid(error) }
        guard let entry = try catalogue.insert(fields, centerId: centerId, on: connection) else {
            throw ServiceError.conflict("The catalogue already has the tag \(fields.tag).", rule: "taken")
        }
        try audit.record(
            caller.actor, action: "create", entity: "catalogue_entry", id: "\(centerId)/\(entry.tag)", before: nil,
            after: entry, on: connection)
        return entry
    }

    /// Renames, re-kinds, describes, retires or brings back an entry, at the version the caller read.
    /// Retiring keeps the tag on what already carries it; new input may no longer name it.
    /// - Throws: `.notFound`, `.forbidden`, `.staleVersion`, `.invalid`.
    public func change(
        _ tag: String, of centerId: UUID, _ change: CatalogueChange, version: Int, as caller: Principal
    ) async throws -> CatalogueEntry {
        let (catalogue, audit) = (catalogue, audit)
        return try await database.withTransaction { connection in
            guard let entry = try catalogue.find(tag: tag, centerId: centerId, forUpdate: true, on: connection) else {
                throw ServiceError.notFound(entity: "catalogue entry")
            }
            try Policy(caller).authorize(.change, .center(centerId), entity: "catalogue entry")
            guard entry.version == version else { throw ServiceError.staleVersion(current: entry.version) }
            let wanted: CatalogueEntry
            do throws(DomainError) { wanted = try change.applied(to: entry) } catch {
                throw ServiceError.invalid(error)
            }
            let changed = try catalogue.update(wanted, version: version, on: connection)!
            try audit.record(
                caller.actor, action: "update", entity: "catalogue_entry", id: "\(centerId)/\(tag)", before: entry,
                after: changed, on: connection)
            return changed
        }
    }
}
