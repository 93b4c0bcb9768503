public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Requests of the four categories: recorded after checking who may ask for what, and moved
/// through their life cycle one legal step at a time.
public struct RequestService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let organizations = OrganizationRepository()
    let resources = ResourceRepository()
    let requests = RequestRepository()

    public init(database: Database) {
        self.database = database
    }

    /// Records a request as a draft, or submitted at once when `input.submit` is set.
    /// - Throws: ``ServiceError``: `.invalid` naming the field, `.notFound` for an unknown center.
    public func create(_ input: NewRequest, in centerId: UUID, by actor: AuditActor = .system) async throws -> Request {
        try await database.withTransaction { try self.create(input, in: centerId, by: actor, on: $0) }
    }

    /// ``create(_:in:by:)`` inside the caller's transaction.
    public func create(
        _ input: NewRequest, in centerId: UUID, by actor: AuditActor = .system, on connection: Connection
    ) throws -> Request {
        let title: String
        do { title = try input.validated() } catch { throw ServiceError.invalid(error) }
        guard let center = try centers.find(id: centerId, on: connection) else {
            throw ServiceError.notFound(entity: "center")
        }
        guard let organization = try organizations.find(id: input.organizationId, on: connection) else {
            throw Self.invalid("organizationId", "exists", "No organization has the id \(input.organizationId).")
        }
        try Self.checkAsker(organization, of: input.details, center: center)
        switch input.details {
        case .studentTraining(let details):
            let owner = try connection.query("SELECT organization_id FROM cohorts WHERE id = \(details.cohortId)").first
            guard try owner?.decode("organization_id", as: UUID.self) == organization.id else {
                throw Self.invalid(
                    "details/cohortId", "exists", "\(organization.name) has no class \(details.cohortId).")
            }
        case .pilotProduction(let details):
            if let resourceId = details.resourceId {
                guard let line = try resources.find(id: resourceId, on: connection), line.centerId == centerId,
                    line.kind == .equipmentLine, line.status == .active
                else {
                    throw Self.invalid(
                        "details/resourceId", "equipmentLine", "The center has no active equipment line \(resourceId).")
                }
            }
        case .sharedEmployee(let details):
            if let courseId = details.courseRequestId {
                guard let course = try requests.find(id: courseId, on: connection), course.centerId == centerId,
                    case .sharedEmployee(let offering) = course.details, offering.isOffering, !course.state.isFinal
                else {
                    throw Self.invalid(
                        "details/courseRequestId", "openCourse",
                        "The center offers no open shared-employee course \(courseId).")
                }
            }
        case .employeeUpskilling: break
        }
        let created = try requests.insert(
            input, title: title, centerId: centerId, state: input.submit ? .submitted : .draft, on: connection)
        try AuditLog().record(
            actor, action: "create", entity: "request", id: created.id.uuidString, before: nil, after: created,
            on: connection)
        return created
    }

    /// Moves a request one step through its life cycle, at the version the caller last saw.
    /// - Throws: `.notFound`; `.staleVersion`; `.conflict` naming the current state; `.invalid` when
    ///   a rejection or wait-listing comes without a reason, or the reason is not a short text.
    public func move(
        _ id: UUID, to state: RequestState, reason: String?, version: Int, by actor: AuditActor = .system
    ) async throws -> Request {
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if state.needsReason && reason == nil {
            throw Self.invalid(
                "reason", "required",
                "Say why the request is \(state.rawValue.replacingOccurrences(of: "_", with: "-")): the requester sees it."
            )
        }
        if let reason {
            do throws(DomainError) { _ = try Validate.name(reason, field: "reason") } catch {
                throw ServiceError.invalid(error)
            }
        }
        let requests = requests
        return try await database.withTransaction { connection in
            guard let request = try requests.find(id: id, forUpdate: true, on: connection) else {
                throw ServiceError.notFound(entity: "request")
            }
            guard request.version == version else { throw ServiceError.staleVersion(current: request.version) }
            guard request.state.successors.contains(state) else {
                throw ServiceError.conflict(
                    "A request in state \(request.state.rawValue) cannot become \(state.rawValue).")
            }
            return try Self.transition(request, to: state, reason: reason, by: actor, on: connection)
        }
    }

    /// Moves a locked request to `state` and records the transition, in the caller's transaction
    /// (the caller has checked that the step is allowed). Public for the planner's publishing.
    public static func transition(
        _ request: Request, to state: RequestState, reason: String?, by actor: AuditActor, on connection: Connection
    ) throws -> Request {
        let moved = try RequestRepository().move(request, to: state, reason: reason, on: connection)
        try AuditLog().record(
            actor, action: "transition", entity: "request", id: request.id.uuidString, before: request, after: moved,
            on: connection)
        return moved
    }

    /// The request, or `.notFound`.
    public func request(_ id: UUID) async throws -> Request {
        let requests = requests
        guard let request = try await database.withConnection({ try requests.find(id: id, on: $0) }) else {
            throw ServiceError.notFound(entity: "request")
        }
        return request
    }

    /// A page of a center's requests, optionally filtered (by organization, for a coordinator).
    public func requests(
        in centerId: UUID, organizationId: UUID? = nil, state: RequestState?, category: Domain.Category?, page: Page
    ) async throws -> [Request] {
        let (centers, requests) = (centers, requests)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            return try requests.list(
                centerId: centerId, organizationId: organizationId, state: state, category: category, limit: page.limit,
                offset: page.offset, on: connection)
        }
    }

    /// Schools ask for student training; enterprises for upskilling and pilot runs; the center's
    /// operator offers shared-employee courses and SMEs buy seats in them.
    private static func checkAsker(_ organization: Organization, of details: RequestDetails, center: Center) throws {
        let allowed: Bool
        switch details {
        case .studentTraining: allowed = organization.kind.isSchool
        case .employeeUpskilling, .pilotProduction: allowed = organization.kind.isEnterprise
        case .sharedEmployee(let shared):
            allowed = shared.isOffering ? organization.id == center.operatorId : organization.kind == .sme
        }
        guard allowed else {
            throw invalid(
                "organizationId", "category",
                "\(organization.name) (\(organization.kind.rawValue)) cannot make a \(details.category.rawValue) request of this kind."
            )
        }
    }

    private static func invalid(_ field: String, _ rule: String, _ message: String) -> ServiceError {
        .invalid(DomainError(field: field, rule: rule, message: message))
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
