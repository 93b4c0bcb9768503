public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension RequestService {
    /// The states in which a requester may still edit a request: before any decision on it.
    public static let editableStates: Set<RequestState> = [.draft, .submitted]

    /// Edits a draft or submitted request (its title and details) at the version the caller last
    /// saw, checked as at creation: the fields, who may ask for what, and the class, line or
    /// course it names. The requester (a coordinator of its organization for its category) and
    /// the center's managers may.
    /// - Throws: ``ServiceError``: `.notFound` (also for a request the caller may not know of),
    ///   `.forbidden`, `.staleVersion`, `.conflict` naming the state once it is planned, approved or
    ///   over, `.invalid` naming the field.
    public func edit(_ id: UUID, _ edit: RequestEdit, version: Int, as caller: Principal) async throws -> Request {
        try await database.withTransaction { try self.edit(id, edit, version: version, on: $0, as: caller) }
    }

    /// ``edit(_:_:version:as:)`` inside the caller's transaction (an import's).
    func edit(
        _ id: UUID, _ edit: RequestEdit, version: Int, on connection: Connection, as caller: Principal
    ) throws -> Request {
        guard let current = try requests.find(id: id, forUpdate: true, on: connection) else {
            throw ServiceError.notFound(entity: "request")
        }
        try Policy(caller).authorize(.change, .work(Work(current)), entity: "request")
        guard current.version == version else { throw ServiceError.staleVersion(current: current.version) }
        guard Self.editableStates.contains(current.state) else {
            throw ServiceError.conflict(
                "The request is \(current.state.rawValue); only a draft or submitted request is edited.",
                rule: "editable")
        }
        let edited: Request
        do throws(DomainError) { edited = try edit.applied(to: current) } catch {
            throw ServiceError.invalid(error)
        }
        guard let center = try centers.find(id: current.centerId, on: connection),
            let organization = try organizations.find(id: current.organizationId, on: connection)
        else { throw ServiceError.notFound(entity: "request") }
        try Self.checkAsker(organization, of: edited.details, center: center)
        try checkReferences(of: edited.details, by: organization, centerId: center.id, on: connection)
        try CatalogueRepository().check(
            edited.details.tags, centerId: center.id, keeping: Set(current.details.tags.map(\.tag)), on: connection)
        var resolved = edited
        resolved.details = try resolvingTerm(edited.details, centerId: center.id, on: connection)
        let stored = try requests.update(resolved, on: connection)
        try AuditLog().record(
            caller.actor, action: "update", entity: "request", id: id.uuidString, before: current, after: stored,
            on: connection)
        return stored
    }
}
