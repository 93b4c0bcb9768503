public import Access
import Database
import Domain
public import Foundation
import Repositories

extension UserService {
    /// Onboards a school or enterprise at a center: the organization (its home center is this
    /// one) and its first coordinator's account with the matching role and a one-time initial
    /// password, in one transaction with their audit rows: a taken name or username leaves
    /// nothing written. The center's managers (and admins) may.
    /// - Returns: what was made, with the initial password in clear this once.
    /// - Throws: ``ServiceError``: `.forbidden`, `.notFound` for an unknown center, `.invalid`
    ///   naming `name`, `kind` (rule `onboardable`), `username` or `displayName`, and rule `unique`
    ///   when the name or the username is taken.
    public func onboard(_ input: Onboarding, at centerId: UUID, as caller: Principal) async throws -> Onboarded {
        try Policy(caller).authorize(.create, .organizationRecord(id: nil, centers: [centerId]), entity: "center")
        let (name, user) = try Self.validated(input)
        let password = Secret.initialPassword()
        let hash = try await hasher.hash(password)
        return try await database.withTransaction { connection in
            guard try CenterRepository().find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            let organization = try Self.insertOrganization(
                name, kind: input.kind, at: centerId, as: caller, on: connection)
            var newUser = user
            newUser.organizationId = organization.id
            guard let created = try UserRepository().insert(newUser, passwordHash: hash, on: connection) else {
                throw Self.taken("username", "The username \(user.username) is taken.")
            }
            try AuditLog().record(
                caller.actor, action: "create", entity: "user", id: created.id.uuidString, before: nil, after: created,
                on: connection)
            return Onboarded(organization: organization, coordinator: created, initialPassword: password)
        }
    }

    /// The checked name and the account to create (its organization still to be set).
    private static func validated(_ input: Onboarding) throws -> (String, NewUser) {
        guard input.kind.isSchool || input.kind.isEnterprise else {
            throw ServiceError.invalid(
                DomainError(
                    field: "kind", rule: "onboardable",
                    message: "A manager onboards a school or an enterprise (an SME, a large enterprise)."))
        }
        let username = try AccountText.newUsername(input.username)
        do throws(DomainError) {
            let name = try Organization.validatedName(input.name)
            let displayName = try Validate.name(input.displayName, field: "displayName")
            let role = RoleGrant(role: input.kind.isSchool ? .schoolCoordinator : .enterpriseCoordinator)
            return (
                name,
                NewUser(
                    username: username, displayName: displayName, organizationId: UUID(), password: nil,
                    roles: [role])
            )
        } catch { throw ServiceError.invalid(error) }
    }

    private static func insertOrganization(
        _ name: String, kind: OrganizationKind, at centerId: UUID, as caller: Principal, on connection: Connection
    ) throws -> Organization {
        let organization: Organization
        do {
            organization = try OrganizationRepository().insert(
                name: name, kind: kind, homeCenterId: centerId, on: connection)
        } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw taken("name", "An organization named \(name) already exists.")
        }
        try AuditLog().record(
            caller.actor, action: "create", entity: "organization", id: organization.id.uuidString, before: nil,
            after: organization, on: connection)
        return organization
    }

    private static func taken(_ field: String, _ message: String) -> ServiceError {
        .invalid(DomainError(field: field, rule: "taken", message: message))
    }
}
