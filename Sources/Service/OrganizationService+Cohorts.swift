public import Access
public import Database
import Dates
public import Domain
public import Foundation
import Repositories

extension OrganizationService {
    /// One of an organization's cohorts: to its own people, admins, auditors and managers.
    /// - Throws: `.notFound` for an unknown cohort, one of another organization, or an organization
    ///   the caller may not know of.
    public func cohort(_ id: UUID, of organizationId: UUID, as caller: Principal) async throws -> Cohort {
        try Policy(caller).authorize(.read, .organization(organizationId), entity: "cohort")
        let people = people
        guard let found = try await database.withConnection({ try people.cohort(id: id, on: $0) }),
            found.organizationId == organizationId
        else { throw ServiceError.notFound(entity: "cohort") }
        return found
    }

    /// Changes a cohort (name, size, availability) at the version the caller read: its
    /// organization's coordinators (or an admin); validated like a new one, audited.
    /// - Throws: `.notFound` (unknown, another organization's, or hidden), `.forbidden` (e.g. a
    ///   manager, who reads but does not change classes), `.staleVersion`, `.invalid`, `.conflict`
    ///   when the new name is taken.
    public func changeCohort(
        _ id: UUID, of organizationId: UUID, _ change: CohortChange, version: Int, as caller: Principal
    ) async throws -> Cohort {
        try await database.withTransaction { connection in
            try self.changeCohort(id, of: organizationId, change, version: version, on: connection, as: caller)
        }
    }

    /// ``changeCohort(_:of:_:version:as:)`` inside the caller's transaction (an import's).
    func changeCohort(
        _ id: UUID, of organizationId: UUID, _ change: CohortChange, version: Int, on connection: Connection,
        as caller: Principal
    ) throws -> Cohort {
        guard let cohort = try people.lockCohort(id: id, on: connection), cohort.organizationId == organizationId
        else { throw ServiceError.notFound(entity: "cohort") }
        try Policy(caller).authorize(.change, .organization(organizationId), entity: "cohort")
        guard cohort.version == version else { throw ServiceError.staleVersion(current: cohort.version) }
        let changed: Cohort
        do throws(DomainError) { changed = try change.applied(to: cohort) } catch {
            throw ServiceError.invalid(error)
        }
        try checkOpeningHours(changed.availability, of: organizationId, on: connection)
        do {
            guard let stored = try people.updateCohort(changed, version: version, on: connection) else {
                throw ServiceError.staleVersion(current: cohort.version)
            }
            try AuditLog().record(
                caller.actor, action: "update", entity: "cohort", id: id.uuidString, before: cohort, after: stored,
                on: connection)
            return stored
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("The organization already has a cohort named \(changed.name).", rule: "taken")
        }
    }

    /// A class's free time is the school's fact, and a school may work at several centers: a free
    /// time is refused only when it meets no opening hour of its weekday at any center where the
    /// school works (it could never be used); one that meets some is kept (the planner uses the part
    /// inside the opening hours). A school that works nowhere yet is not checked.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `availability/freeTimes/i` (or a week's) and rule `openingHours`.
    func checkOpeningHours(
        _ availability: ClassAvailability, of organizationId: UUID, on connection: Connection
    ) throws {
        let centers = try people.openingHoursWhereWorking(organizationId: organizationId, on: connection)
        guard !centers.isEmpty, !centers.values.contains(where: \.isEmpty) else { return }
        let lists =
            [("availability/freeTimes", availability.freeTimes)]
            + availability.weeks.enumerated().map { ("availability/weeks/\($0)/freeTimes", $1.freeTimes) }
        for (field, times) in lists {
            for (index, time) in times.enumerated()
            where !centers.values.joined().contains(where: {
                $0.weekday == time.weekday && $0.opens < time.to && time.from < $0.closes
            }) {
                throw ServiceError.invalid(
                    DomainError(
                        field: "\(field)/\(index)", rule: "openingHours",
                        message:
                            "The free time \(ClassAvailability.describe([time]).en) meets no opening hours of the centers where the school works, so the class could never use it."
                    ))
            }
        }
    }
}
