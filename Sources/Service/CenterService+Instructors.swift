public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension CenterService {
    /// Adds an instructor to a center; the affiliation must be a school or an enterprise.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers, `.invalid`.
    public func addInstructor(
        _ input: NewInstructor, to centerId: UUID, as caller: Principal
    ) async throws -> Instructor {
        let (centers, organizations, people, audit) = (centers, organizations, people, audit)
        return try await database.withTransaction { connection in
            guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.change, .center(centerId), entity: "center")
            let name: String
            do throws(DomainError) { name = try input.validated() } catch { throw ServiceError.invalid(error) }
            guard let affiliation = try organizations.find(id: input.organizationId, on: connection),
                affiliation.kind.isSchool || affiliation.kind.isEnterprise
            else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "organizationId", rule: "affiliation",
                        message:
                            "An instructor belongs to a school or an enterprise; \(input.organizationId) is neither."))
            }
            let instructor = try people.insert(input, name: name, centerId: centerId, on: connection)
            try audit.record(
                caller.actor, action: "create", entity: "instructor", id: instructor.id.uuidString, before: nil,
                after: instructor, on: connection)
            return instructor
        }
    }

    /// A page of a center's instructors the caller may list: all of them for its managers,
    /// admins and auditors, else only the caller's own instructor records.
    public func instructors(of centerId: UUID, page: Page, as caller: Principal) async throws -> [Instructor] {
        let (centers, people) = (centers, people)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try people.instructors(
                centerId: centerId, ids: Policy(caller).listableInstructors(at: centerId), limit: page.limit,
                offset: page.offset, on: connection)
        }
    }
}
