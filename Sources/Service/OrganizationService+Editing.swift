public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension OrganizationService {
    /// Renames an organization or changes its kind, at the version the caller last saw: admins, and
    /// the managers of a center where it works (``OrganizationRepository/workCenters(of:on:)``).
    /// A kind may change only while everything the organization already has stays legal for the new
    /// kind (``checkKind(_:keeps:)``): a 中职 becoming a 高职 keeps its requests, a school with
    /// requests cannot become an enterprise.
    /// - Throws: ``ServiceError``: `.notFound` (also for an organization the caller may not know
    ///   of), `.forbidden`, `.staleVersion`, `.invalid` naming `name` or `kind`, `.conflict` when
    ///   the name is taken.
    public func change(
        _ id: UUID, _ change: OrganizationChange, version: Int, as caller: Principal
    ) async throws -> Organization {
        let organizations = organizations
        return try await database.withTransaction { connection in
            guard let current = try organizations.find(id: id, forUpdate: true, on: connection) else {
                throw ServiceError.notFound(entity: "organization")
            }
            let centers = try organizations.workCenters(of: id, on: connection)
            try Policy(caller).authorize(.change, .organizationRecord(id: id, centers: centers), entity: "organization")
            guard current.version == version else { throw ServiceError.staleVersion(current: current.version) }
            let name: String
            do throws(DomainError) { name = try Organization.validatedName(change.name ?? current.name) } catch {
                throw ServiceError.invalid(error)
            }
            let kind = change.kind ?? current.kind
            if kind != current.kind { try Self.checkKind(kind, keeps: organizations.usage(of: id, on: connection)) }
            let changed: Organization
            do {
                changed = try organizations.update(id, name: name, kind: kind, on: connection)
            } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
                throw ServiceError.conflict("An organization named \(name) already exists.", rule: "taken")
            }
            try AuditLog().record(
                caller.actor, action: "update", entity: "organization", id: id.uuidString, before: current,
                after: changed, on: connection)
            return changed
        }
    }

    /// A new kind must keep legal what the organization has: its requests' categories
    /// (``OrganizationKind/asks(_:)``), its coordinators' roles, its instructors' affiliation.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `kind` with rule `keepsRequests`,
    ///   `keepsAccounts` or `keepsInstructors`.
    static func checkKind(_ kind: OrganizationKind, keeps usage: OrganizationRepository.Usage) throws {
        if let category = usage.categories.sorted(by: { $0.rawValue < $1.rawValue }).first(where: { !kind.asks($0) }) {
            throw Self.invalidKind(
                "keepsRequests",
                "The organization has \(category.rawValue) requests, which a \(kind.rawValue) cannot make.")
        }
        if usage.roles.contains(.schoolCoordinator) && !kind.isSchool
            || usage.roles.contains(.enterpriseCoordinator) && (kind.isSchool || kind == .centerOperator)
        {
            throw Self.invalidKind(
                "keepsAccounts", "The organization's coordinators' roles do not fit a \(kind.rawValue).")
        }
        if usage.hasInstructors && !(kind.isSchool || kind.isEnterprise) {
            throw Self.invalidKind(
                "keepsInstructors", "Instructors belong to a school or an enterprise; a \(kind.rawValue) is neither.")
        }
    }

    private static func invalidKind(_ rule: String, _ message: String) -> ServiceError {
        .invalid(DomainError(field: "kind", rule: rule, message: message))
    }
}
