public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension OrganizationService {
    /// Adds an instructor to a center (its managers, an admin, or a coordinator registering their own
    /// organization's trainer or teacher); the affiliation must be a school or an enterprise.
    /// - Throws: `.notFound` for an unknown center, `.forbidden` (another organization's instructor for a
    ///   coordinator), `.invalid`.
    public func addInstructor(
        _ input: NewInstructor, to centerId: UUID, as caller: Principal
    ) async throws
        -> Instructor
    {
        try await database.withTransaction { try self.addInstructor(input, to: centerId, as: caller, on: $0) }
    }

    /// ``addInstructor(_:to:as:)`` inside a transaction of the service's own (the demo seed's).
    func addInstructor(
        _ input: NewInstructor, to centerId: UUID, as caller: Principal, on connection: Connection
    ) throws -> Instructor {
        guard try centers.find(id: centerId, on: connection) != nil else {
            throw ServiceError.notFound(entity: "center")
        }
        let record = Policy.Subject.instructorRecord(
            id: UUID(), centerId: centerId, organizationId: input.organizationId)
        guard Policy(caller).decide(.change, record) == .allowed else {
            throw ServiceError.forbidden(
                "Only a manager of the center adds instructors; a coordinator registers their own organization's.",
                rule: "addsInstructors")
        }
        let name: String
        do { name = try input.validated() } catch { throw ServiceError.invalid(error) }
        try CatalogueRepository().check(
            input.skills.enumerated().map { (field: "skills/\($0.offset)/skill", tag: $0.element.skill) },
            centerId: centerId,
            on: connection)
        try checkAffiliation(input.organizationId, on: connection)
        let instructor = try people.insert(input, name: name, centerId: centerId, on: connection)
        try AuditLog().record(
            caller.actor, action: "create", entity: "instructor", id: instructor.id.uuidString, before: nil,
            after: instructor, on: connection)
        return instructor
    }

    /// An instructor's affiliation must be a school or an enterprise.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `organizationId` with rule `affiliation`.
    func checkAffiliation(_ organizationId: UUID, on connection: Connection) throws {
        guard let affiliation = try organizations.find(id: organizationId, on: connection),
            affiliation.kind.isSchool || affiliation.kind.isEnterprise
        else {
            throw ServiceError.invalid(
                DomainError(
                    field: "organizationId", rule: "affiliation",
                    message: "An instructor belongs to a school or an enterprise; \(organizationId) is neither."))
        }
    }

    /// A page of the center's instructors the caller may list: all of them for its managers,
    /// admins and auditors, else only the caller's own instructor records.
    /// - Throws: `.notFound` for an unknown center.
    public func instructors(of centerId: UUID, page: Page, as caller: Principal) async throws -> [Instructor] {
        let (centers, people) = (centers, people)
        return try await database.reading { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            return try people.instructors(
                centerId: centerId, ids: Policy(caller).listableInstructors(at: centerId), limit: page.limit,
                offset: page.offset, on: connection)
        }
    }
}
