public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension OrganizationService {
    /// The instructor, for the center's managers, the coordinators of their organization and the
    /// instructor themselves; 404 for anyone else.
    public func instructor(_ id: UUID, as caller: Principal) async throws -> Instructor {
        let people = people
        return try await database.withConnection { connection in
            guard let found = try people.instructor(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "instructor")
            }
            try Policy(caller).authorize(.read, Self.record(of: found), entity: "instructor")
            return found
        }
    }

    /// A page of the instructors affiliated with an organization, at every center: for its own
    /// coordinators (who keep their certificates and leave up to date) and admins.
    /// - Throws: `.notFound` for an organization the caller may not know of, `.forbidden`.
    public func affiliatedInstructors(
        of organizationId: UUID, page: Page, as caller: Principal
    ) async throws
        -> [Instructor]
    {
        try Policy(caller).authorize(.change, .organization(organizationId), entity: "organization")
        let people = people
        return try await database.withConnection {
            try people.instructors(organizationId: organizationId, limit: page.limit, offset: page.offset, on: $0)
        }
    }

    /// Changes an instructor at the version the caller last saw: name, post type, weekly cap,
    /// skills with their certificate expiry (a renewed certificate is a later date), weekly
    /// availability, leave, and the affiliation. The center's managers and the coordinators of the
    /// instructor's organization may; only someone who may change the instructor in the new
    /// organization too moves them there, and not while an account reads their timetable.
    /// - Throws: ``ServiceError``: `.notFound` (also for an instructor the caller may not know of),
    ///   `.forbidden`, `.staleVersion`, `.invalid` naming the field (rule `catalogue` for a skill that
    ///   is not an active tag of the center's catalogue and was not the instructor's already).
    public func changeInstructor(
        _ id: UUID, _ change: InstructorChange, version: Int, as caller: Principal
    ) async throws -> Instructor {
        try await database.withTransaction {
            try self.changeInstructor(id, change, version: version, as: caller, on: $0)
        }
    }

    /// ``changeInstructor(_:_:version:as:)`` inside a transaction of the service's own (the demo
    /// seed's); `version` `nil` takes the stored one.
    func changeInstructor(
        _ id: UUID, _ change: InstructorChange, version: Int?, as caller: Principal, on connection: Connection
    ) throws -> Instructor {
        guard let current = try people.instructor(id: id, forUpdate: true, on: connection) else {
            throw ServiceError.notFound(entity: "instructor")
        }
        let policy = Policy(caller)
        try policy.authorize(.change, Self.record(of: current), entity: "instructor")
        guard current.version == version ?? current.version else {
            throw ServiceError.staleVersion(current: current.version)
        }
        let changed: Instructor
        do throws(DomainError) { changed = try change.applied(to: current) } catch { throw ServiceError.invalid(error) }
        try CatalogueRepository().check(
            (change.skills ?? []).enumerated().map { (field: "skills/\($0.offset)/skill", tag: $0.element.skill) },
            centerId: current.centerId, keeping: Set(current.skills.map(\.skill)), on: connection)
        if changed.organizationId != current.organizationId {
            try checkMove(changed, policy: policy, on: connection)
        }
        let stored = try people.update(changed, on: connection)
        try AuditLog().record(
            caller.actor, action: "update", entity: "instructor", id: id.uuidString, before: current, after: stored,
            on: connection)
        return stored
    }

    /// A move to another organization: allowed to the caller there too, to a school or an
    /// enterprise, and not under an account that reads the timetable as the old organization's.
    private func checkMove(_ changed: Instructor, policy: Policy, on connection: Connection) throws {
        guard policy.decide(.change, Self.record(of: changed)) == .allowed else {
            throw ServiceError.forbidden(
                "Only a manager of the instructor's center moves them to another organization.",
                rule: "movesInstructors")
        }
        try checkAffiliation(changed.organizationId, on: connection)
        guard try !people.hasAccount(instructorId: changed.id, on: connection) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "organizationId", rule: "hasAccount",
                    message:
                        "An account of the old organization reads this instructor's timetable; change its role first."))
        }
    }

    static func record(of instructor: Instructor) -> Policy.Subject {
        .instructorRecord(id: instructor.id, centerId: instructor.centerId, organizationId: instructor.organizationId)
    }
}
