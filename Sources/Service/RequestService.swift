public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Requests of the four categories: recorded after checking who may ask for what, and moved
/// through their life cycle one legal step at a time. Every use case takes its caller and
/// authorizes inside its own transaction.
public struct RequestService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let organizations = OrganizationRepository()
    let resources = ResourceRepository()
    let people = PeopleRepository()
    let requests = RequestRepository()

    public init(database: Database) {
        self.database = database
    }

    /// Records a request as a draft, or submitted at once when `input.submit` is set.
    /// - Parameter caller: a manager of the center or a coordinator of the asking organization.
    /// - Throws: ``ServiceError``: `.notFound` for an unknown center, `.forbidden` for a caller who
    ///   may not ask for this organization, `.invalid` naming the field.
    public func create(_ input: NewRequest, in centerId: UUID, as caller: Principal) async throws -> Request {
        try await database.withTransaction { try self.create(input, in: centerId, as: caller, on: $0) }
    }

    /// ``create(_:in:as:)`` inside a transaction of the service's own (the demo seed's).
    func create(
        _ input: NewRequest, in centerId: UUID, as caller: Principal, on connection: Connection
    ) throws
        -> Request
    {
        guard let center = try centers.find(id: centerId, on: connection) else {
            throw ServiceError.notFound(entity: "center")
        }
        let work = Work(centerId: centerId, organizationId: input.organizationId, category: input.details.category)
        try Policy(caller).authorize(.create, .work(work), entity: "request")
        let title: String
        do { title = try input.validated() } catch { throw ServiceError.invalid(error) }
        guard let organization = try organizations.find(id: input.organizationId, on: connection) else {
            throw Self.invalid("organizationId", "exists", "No organization has the id \(input.organizationId).")
        }
        try Self.checkAsker(organization, of: input.details, center: center)
        try checkReferences(of: input.details, by: organization, centerId: centerId, on: connection)
        try CatalogueRepository().check(input.details.tags, centerId: centerId, on: connection)
        var input = input
        input.details = try resolvingTerm(input.details, centerId: centerId, on: connection)
        let created = try requests.insert(
            input, title: title, centerId: centerId, state: input.submit ? .submitted : .draft, on: connection)
        try AuditLog().record(
            caller.actor, action: "create", entity: "request", id: created.id.uuidString, before: nil, after: created,
            on: connection)
        if created.state == .submitted, let notice = NoticeDraft.request(created, from: .draft) {
            try NoticeRepository().write(notice, on: connection)
        }
        return created
    }

    /// The request, or `.notFound` when it does not exist or the caller may not know of it.
    public func request(_ id: UUID, as caller: Principal) async throws -> Request {
        let requests = requests
        return try await database.reading { connection in
            guard let request = try requests.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "request")
            }
            try Policy(caller).authorize(.read, .work(Work(request)), entity: "request")
            return request
        }
    }

    /// A page of a center's requests, optionally filtered: all of them for its managers, admins
    /// and auditors, the caller's own organization's for a coordinator.
    /// - Throws: `.notFound` for an unknown center, `.forbidden` for anyone else (instructors).
    public func requests(
        in centerId: UUID, state: RequestState?, category: Domain.Category?, page: Page, as caller: Principal
    ) async throws -> [Request] {
        let (centers, requests) = (centers, requests)
        return try await database.reading { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            let organizationId: UUID? =
                if case .organization(let id) = try Policy(caller).requestScope(at: centerId) { id } else { nil }
            return try requests.list(
                centerId: centerId, organizationId: organizationId, state: state, category: category, limit: page.limit,
                offset: page.offset, on: connection)
        }
    }

    /// How many requests of a center wait for the caller's decision: `nil` when the caller does
    /// not decide there (the home page shows the manager's figure only to managers).
    public func waiting(in centerId: UUID, as caller: Principal) async throws -> Int? {
        guard Policy(caller).decide(.change, .center(centerId)) == .allowed else { return nil }
        return try await requests(
            in: centerId, state: .submitted, category: nil, page: Page(limit: Page.maximumLimit), as: caller
        ).count
    }
}
