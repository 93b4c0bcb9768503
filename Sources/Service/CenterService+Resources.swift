public import Access
public import Database
public import Domain
public import Foundation
import Repositories

extension CenterService {
    /// The resource, or ``ServiceError/notFound(entity:)``.
    public func resource(_ id: UUID, as caller: Principal) async throws -> Resource {
        let resources = resources
        return try await database.reading { connection in
            guard let resource = try resources.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "resource")
            }
            try Policy(caller).authorize(.read, .center(resource.centerId), entity: "resource")
            return resource
        }
    }

    /// A page of a center's resources.
    public func resources(of centerId: UUID, page: Page, as caller: Principal) async throws -> [Resource] {
        let (centers, resources) = (centers, resources)
        return try await database.reading { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try resources.list(centerId: centerId, limit: page.limit, offset: page.offset, on: connection)
        }
    }

    /// Adds a resource to a center; a parent must be a resource of the same center.
    public func addResource(_ input: NewResource, to centerId: UUID, as caller: Principal) async throws -> Resource {
        try await database.withTransaction { try self.addResource(input, to: centerId, on: $0, as: caller) }
    }

    /// ``addResource(_:to:as:)`` inside the caller's transaction.
    public func addResource(
        _ input: NewResource, to centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> Resource {
        guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else {
            throw ServiceError.notFound(entity: "center")
        }
        try Policy(caller).authorize(.change, .center(centerId), entity: "center")
        let fields: (name: String, capabilities: [String])
        do { fields = try input.validated() } catch { throw ServiceError.invalid(error) }
        try CatalogueRepository().check(
            (input.capabilities ?? []).enumerated().map { (field: "capabilities/\($0.offset)", tag: $0.element) },
            centerId: centerId, on: connection)
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
                caller.actor, action: "create", entity: "resource", id: resource.id.uuidString, before: nil,
                after: resource, on: connection)
            return resource
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("The center already has a resource named \(fields.name).", rule: "taken")
        }
    }
}
