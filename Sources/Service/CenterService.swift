public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Use cases on centers and their resources.
public struct CenterService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let resources = ResourceRepository()
    let bookings = BookingRepository()
    let audit = AuditLog()

    public init(database: Database) {
        self.database = database
    }

    /// Creates a center run by an existing organization.
    /// - Throws: ``ServiceError``: invalid fields, unknown operator (422), name taken (409).
    /// - Parameter actor: who does it, for the audit trail.
    public func create(_ input: NewCenter, by actor: AuditActor = .system) async throws -> Center {
        try await database.withTransaction { try self.create(input, by: actor, on: $0) }
    }

    /// ``create(_:by:)`` inside the caller's transaction.
    public func create(_ input: NewCenter, by actor: AuditActor = .system, on connection: Connection) throws -> Center {
        let fields: (name: String, timeZone: String, slotMinutes: Int)
        do { fields = try input.validated() } catch { throw ServiceError.invalid(error) }
        do {
            let center = try centers.insert(
                name: fields.name, operatorId: input.operatorId, timeZone: fields.timeZone,
                slotMinutes: fields.slotMinutes,
                on: connection)
            try audit.record(
                actor, action: "create", entity: "center", id: center.id.uuidString, before: nil, after: center,
                on: connection)
            return center
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("A center named \(fields.name) already exists.")
        } catch let error as DatabaseError where error.sqlState == .foreignKeyViolation {
            throw ServiceError.invalid(
                DomainError(
                    field: "operatorId", rule: "exists", message: "No organization has the id \(input.operatorId)."))
        }
    }

    /// The center, or ``ServiceError/notFound(entity:)``.
    public func center(_ id: UUID) async throws -> Center {
        let centers = centers
        guard let center = try await database.withConnection({ try centers.find(id: id, on: $0) }) else {
            throw ServiceError.notFound(entity: "center")
        }
        return center
    }

    /// A page of the centers.
    public func centers(page: Page) async throws -> [Center] {
        let centers = centers
        return try await database.withConnection { try centers.list(limit: page.limit, offset: page.offset, on: $0) }
    }

    /// The resource, or ``ServiceError/notFound(entity:)``.
    public func resource(_ id: UUID) async throws -> Resource {
        let resources = resources
        guard let resource = try await database.withConnection({ try resources.find(id: id, on: $0) }) else {
            throw ServiceError.notFound(entity: "resource")
        }
        return resource
    }

    /// Adds a resource to a center; a parent must be a resource of the same center.
    public func addResource(
        _ input: NewResource, to centerId: UUID, by actor: AuditActor = .system
    ) async throws -> Resource {
        try await database.withTransaction { try self.addResource(input, to: centerId, by: actor, on: $0) }
    }

    /// ``addResource(_:to:by:)`` inside the caller's transaction.
    public func addResource(
        _ input: NewResource, to centerId: UUID, by actor: AuditActor = .system, on connection: Connection
    ) throws -> Resource {
        let fields: (name: String, capabilities: [String])
        do { fields = try input.validated() } catch { throw ServiceError.invalid(error) }
        guard try centers.find(id: centerId, on: connection) != nil else {
            throw ServiceError.notFound(entity: "center")
        }
        if let parentId = input.parentId {
            guard let parent = try resources.find(id: parentId, on: connection), parent.centerId == centerId else {
                throw ServiceError.invalid(
                    DomainError(field: "parentId", rule: "exists", message: "The center has no resource \(parentId)."))
            }
        }
        do {
            let resource = try resources.insert(
                centerId: centerId, kind: input.kind, name: fields.name, capabilities: fields.capabilities,
                seats: input.seats, parentId: input.parentId, on: connection)
            try audit.record(
                actor, action: "create", entity: "resource", id: resource.id.uuidString, before: nil, after: resource,
                on: connection)
            return resource
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("The center already has a resource named \(fields.name).")
        }
    }

    /// A page of a center's resources.
    public func resources(of centerId: UUID, page: Page) async throws -> [Resource] {
        let (centers, resources) = (centers, resources)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            return try resources.list(centerId: centerId, limit: page.limit, offset: page.offset, on: connection)
        }
    }

    /// Retires a resource (or brings it back), at the version the caller read. Retiring one
    /// that still has bookings ahead is refused with those bookings.
    /// - Throws: `.notFound`, `.staleVersion`, `.clash` with the future bookings.
    public func setStatus(
        _ status: ResourceStatus, of resourceId: UUID, version: Int, now: Date = Date(), by actor: AuditActor = .system
    ) async throws -> Resource {
        let (resources, bookings, audit) = (resources, bookings, audit)
        return try await database.withTransaction { connection in
            // lock the resource: a booking made meanwhile waits for this decision
            guard try connection.query("SELECT id FROM resources WHERE id = \(resourceId) FOR UPDATE").first != nil,
                let resource = try resources.find(id: resourceId, on: connection)
            else { throw ServiceError.notFound(entity: "resource") }
            guard resource.version == version else { throw ServiceError.staleVersion(current: resource.version) }
            if status == .retired {
                let ahead = try bookings.future(onResource: resourceId, after: now, on: connection)
                guard ahead.isEmpty else {
                    throw ServiceError.clash(
                        "\(resource.name) still has \(ahead.count) booking(s) ahead; cancel or move them first.", ahead)
                }
            }
            let changed = try resources.setStatus(status, id: resourceId, version: version, on: connection)!
            try audit.record(
                actor, action: "update", entity: "resource", id: resourceId.uuidString, before: resource,
                after: changed, on: connection)
            return changed
        }
    }
}
