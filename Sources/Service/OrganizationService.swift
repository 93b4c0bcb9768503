public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Use cases on organizations: validated, one transaction each.
public struct OrganizationService: Sendable {
    let database: Database
    let organizations = OrganizationRepository()
    let people = PeopleRepository()

    public init(database: Database) {
        self.database = database
    }

    /// Registers an organization.
    /// - Throws: ``ServiceError/invalid(_:)`` for a bad name, ``ServiceError/conflict(_:)`` when
    ///   the name is taken.
    public func create(
        name: String, kind: OrganizationKind, by actor: AuditActor = .system
    ) async throws -> Organization {
        try await database.withTransaction { try self.create(name: name, kind: kind, by: actor, on: $0) }
    }

    /// ``create(name:kind:by:)`` inside the caller's transaction.
    public func create(
        name rawName: String, kind: OrganizationKind, by actor: AuditActor = .system, on connection: Connection
    ) throws -> Organization {
        let name: String
        do { name = try Organization.validatedName(rawName) } catch { throw ServiceError.invalid(error) }
        do {
            let created = try organizations.insert(name: name, kind: kind, on: connection)
            try AuditLog().record(
                actor, action: "create", entity: "organization", id: created.id.uuidString, before: nil, after: created,
                on: connection)
            return created
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("An organization named \(name) already exists.")
        }
    }

    /// The organization, or ``ServiceError/notFound(entity:)``.
    public func organization(_ id: UUID) async throws -> Organization {
        let organizations = organizations
        guard let found = try await database.withConnection({ try organizations.find(id: id, on: $0) }) else {
            throw ServiceError.notFound(entity: "organization")
        }
        return found
    }

    /// A page of organizations, optionally of one kind.
    public func organizations(kind: OrganizationKind?, page: Page) async throws -> [Organization] {
        let organizations = organizations
        return try await database.withConnection {
            try organizations.list(kind: kind, limit: page.limit, offset: page.offset, on: $0)
        }
    }

    /// Adds a class or group to an organization.
    /// - Throws: `.notFound` for an unknown organization, `.invalid`, `.conflict` when the name is taken.
    public func addCohort(
        _ input: NewCohort, to organizationId: UUID, by actor: AuditActor = .system
    ) async throws -> Cohort {
        let name: String
        do { name = try input.validated() } catch { throw ServiceError.invalid(error) }
        let (organizations, people) = (organizations, people)
        do {
            return try await database.withTransaction { connection in
                guard try organizations.find(id: organizationId, on: connection) != nil else {
                    throw ServiceError.notFound(entity: "organization")
                }
                let cohort = try people.insertCohort(
                    organizationId: organizationId, name: name, size: input.size, on: connection)
                try AuditLog().record(
                    actor, action: "create", entity: "cohort", id: cohort.id.uuidString, before: nil, after: cohort,
                    on: connection)
                return cohort
            }
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("The organization already has a cohort named \(name).")
        }
    }

    /// A page of an organization's cohorts.
    public func cohorts(of organizationId: UUID, page: Page) async throws -> [Cohort] {
        let (organizations, people) = (organizations, people)
        return try await database.withConnection { connection in
            guard try organizations.find(id: organizationId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "organization")
            }
            return try people.cohorts(
                organizationId: organizationId, limit: page.limit, offset: page.offset, on: connection)
        }
    }
}
