public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Use cases on people: organizations and their cohorts (here), a center's instructors
/// (`OrganizationService+Instructors.swift`). Each takes its caller and authorizes inside its
/// own transaction.
public struct OrganizationService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let organizations = OrganizationRepository()
    let people = PeopleRepository()

    public init(database: Database) {
        self.database = database
    }

    /// Registers an organization (admins only).
    /// - Throws: ``ServiceError/forbidden(_:rule:)``, ``ServiceError/invalid(_:)`` for a bad name,
    ///   ``ServiceError/conflict(_:rule:)`` when the name is taken.
    public func create(name: String, kind: OrganizationKind, as caller: Principal) async throws -> Organization {
        try await database.withTransaction { try self.create(name: name, kind: kind, as: caller, on: $0) }
    }

    /// ``create(name:kind:as:)`` inside a transaction of the service's own (the demo seed's).
    func create(
        name rawName: String, kind: OrganizationKind, as caller: Principal, on connection: Connection
    ) throws -> Organization {
        try Policy(caller).authorize(.create, .consortium, entity: "organization")
        let name: String
        do { name = try Organization.validatedName(rawName) } catch { throw ServiceError.invalid(error) }
        do {
            let created = try organizations.insert(name: name, kind: kind, on: connection)
            try AuditLog().record(
                caller.actor, action: "create", entity: "organization", id: created.id.uuidString, before: nil,
                after: created, on: connection)
            return created
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("An organization named \(name) already exists.", rule: "taken")
        }
    }

    /// The organization, or ``ServiceError/notFound(entity:)`` when it does not exist or the
    /// caller may not know of it.
    public func organization(_ id: UUID, as caller: Principal) async throws -> Organization {
        try Policy(caller).authorize(.read, .organization(id), entity: "organization")
        let organizations = organizations
        guard let found = try await database.withConnection({ try organizations.find(id: id, on: $0) }) else {
            throw ServiceError.notFound(entity: "organization")
        }
        return found
    }

    /// A page of the organizations the caller may list, optionally of one kind: all of them for
    /// admins, auditors and managers, else the caller's own.
    public func organizations(kind: OrganizationKind?, page: Page, as caller: Principal) async throws -> [Organization]
    {
        let organizations = organizations
        return try await database.reading { connection in
            guard case .organization(let own) = Policy(caller).organizationScope else {
                return try organizations.list(kind: kind, limit: page.limit, offset: page.offset, on: connection)
            }
            guard page.offset == 0, let mine = try organizations.find(id: own, on: connection),
                kind == nil || kind == mine.kind
            else { return [] }
            return [mine]
        }
    }

    /// Adds a class or group to an organization (its own coordinators, or an admin), with its
    /// availability (free any time when not given).
    /// - Throws: `.notFound` for an unknown or hidden organization, `.forbidden`, `.invalid` (also for
    ///   a free time outside every opening hour, see ``checkOpeningHours(_:of:on:)``), `.conflict`
    ///   when the name is taken.
    public func addCohort(_ input: NewCohort, to organizationId: UUID, as caller: Principal) async throws -> Cohort {
        try await database.withTransaction { try self.addCohort(input, to: organizationId, as: caller, on: $0) }
    }

    /// ``addCohort(_:to:as:)`` inside a transaction of the service's own (the demo seed's).
    func addCohort(
        _ input: NewCohort, to organizationId: UUID, as caller: Principal, on connection: Connection
    ) throws -> Cohort {
        try Policy(caller).authorize(.change, .organization(organizationId), entity: "organization")
        let name: String
        do { name = try input.validated() } catch { throw ServiceError.invalid(error) }
        guard try organizations.find(id: organizationId, on: connection) != nil else {
            throw ServiceError.notFound(entity: "organization")
        }
        let availability = input.availability ?? .anyTime
        try checkOpeningHours(availability, of: organizationId, on: connection)
        do {
            let cohort = try people.insertCohort(
                organizationId: organizationId, name: name, size: input.size, availability: availability,
                on: connection)
            try AuditLog().record(
                caller.actor, action: "create", entity: "cohort", id: cohort.id.uuidString, before: nil, after: cohort,
                on: connection)
            return cohort
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict("The organization already has a cohort named \(name).", rule: "taken")
        }
    }

    /// A page of an organization's cohorts.
    /// - Throws: `.notFound` for an unknown organization or one the caller may not know of.
    public func cohorts(of organizationId: UUID, page: Page, as caller: Principal) async throws -> [Cohort] {
        try Policy(caller).authorize(.read, .organization(organizationId), entity: "organization")
        let (organizations, people) = (organizations, people)
        return try await database.reading { connection in
            guard try organizations.find(id: organizationId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "organization")
            }
            return try people.cohorts(
                organizationId: organizationId, limit: page.limit, offset: page.offset, on: connection)
        }
    }
}
