public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension CenterService {
    /// Changes a resource (name, seats or stations, capabilities, parent, status, who contributed it) at the version
    /// the caller read, checked as creation checks a new one; new capabilities must be active
    /// entries of the center's catalogue (retired ones it already carries may stay).
    ///
    /// What would break bookings ahead is refused with those bookings, as the caller may see
    /// them: retiring a resource that has any; fewer seats than a booking's participants or
    /// fewer stations than a pool's share uses; moving a resource that has any under another
    /// parent (bookings of a parent block its children).
    /// - Throws: `.notFound`, `.forbidden`, `.staleVersion`, `.invalid`, `.conflict` (name
    ///   taken), `.clash` with the bookings ahead.
    public func change(
        resource resourceId: UUID, _ change: ResourceChange, version: Int, now: Date = Date(), as caller: Principal
    ) async throws -> Resource {
        try await database.withTransaction { connection in
            try self.change(resource: resourceId, change, version: version, now: now, on: connection, as: caller)
        }
    }

    /// ``change(resource:_:version:now:as:)`` inside the caller's transaction (an import's).
    func change(
        resource resourceId: UUID, _ change: ResourceChange, version: Int, now: Date, on connection: Connection,
        as caller: Principal
    ) throws -> Resource {
        guard let resource = try resources.lock(id: resourceId, on: connection) else {
            throw ServiceError.notFound(entity: "resource")
        }
        try Policy(caller).authorize(.change, .center(resource.centerId), entity: "resource")
        guard resource.version == version else { throw ServiceError.staleVersion(current: resource.version) }
        let wanted: Resource
        do throws(DomainError) { wanted = try change.applied(to: resource) } catch {
            throw ServiceError.invalid(error)
        }
        try CatalogueRepository().check(
            (change.capabilities ?? []).enumerated().map { (field: "capabilities/\($0.offset)", tag: $0.element) },
            centerId: resource.centerId, keeping: Set(resource.capabilities), on: connection)
        try checkParent(of: wanted, was: resource, on: connection)
        try Self.checkOwner(of: wanted, on: connection)
        try checkBookingsAhead(wanted, was: resource, now: now, as: caller, on: connection)
        do {
            let changed = try resources.update(wanted, version: version, on: connection)!
            try audit.record(
                caller.actor, action: "update", entity: "resource", id: resourceId.uuidString, before: resource,
                after: changed, on: connection)
            return changed
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("The center already has a resource named \(wanted.name).", rule: "taken")
        }
    }

    /// A new parent must be a resource of the same center that neither is nor sits in the resource.
    private func checkParent(of wanted: Resource, was resource: Resource, on connection: Connection) throws {
        guard let parentId = wanted.parentId, parentId != resource.parentId else { return }
        guard let parent = try resources.find(id: parentId, on: connection), parent.centerId == resource.centerId
        else {
            throw ServiceError.invalid(
                DomainError(field: "parentId", rule: "exists", message: "The center has no resource \(parentId)."))
        }
        if try resources.contains(resource.id, resource: parentId, on: connection) {
            throw ServiceError.invalid(
                DomainError(
                    field: "parentId", rule: "cycle",
                    message: "\(parent.name) is \(resource.name) or sits inside it; a resource cannot contain itself."))
        }
    }

    /// A school or enterprise that contributed the resource must be an organization of that kind.
    private static func checkOwner(of resource: Resource, on connection: Connection) throws {
        guard let id = resource.owner.organizationId else { return }
        let kind = try OrganizationRepository().find(id: id, on: connection)?.kind
        let fits = resource.owner.kind == .school ? kind?.isSchool == true : kind?.isEnterprise == true
        guard fits else {
            throw ServiceError.invalid(
                DomainError(
                    field: "owner/organizationId", rule: "exists",
                    message: "No \(resource.owner.kind.rawValue) \(id.uuidString.lowercased()) is registered."))
        }
    }

    /// Refuses a change that bookings ending after `now` would not survive.
    private func checkBookingsAhead(
        _ wanted: Resource, was resource: Resource, now: Date, as caller: Principal, on connection: Connection
    ) throws {
        var ahead: [Booking] = []
        var why = ""
        if (wanted.status == .retired && resource.status != .retired) || wanted.parentId != resource.parentId {
            ahead = try bookings.future(onResource: resource.id, after: now, on: connection)
            why = wanted.status == .retired ? "retire it" : "move it under another parent"
        }
        if ahead.isEmpty && wanted.seats < resource.seats {
            ahead = try bookings.future(
                onResource: resource.id, needingMoreThan: wanted.seats, after: now, on: connection)
            why = "reduce its seats to \(wanted.seats)"
        }
        guard ahead.isEmpty else {
            throw ServiceError.clash(
                "\(resource.name) has \(ahead.count) booking(s) ahead that would not survive; cancel or move them first to \(why).",
                try BookingDisclosure(caller).show(ahead, on: connection))
        }
    }
}
