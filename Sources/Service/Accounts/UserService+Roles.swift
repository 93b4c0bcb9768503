import Access
import Database
import Domain
import Foundation
import Repositories

extension UserService {
    /// Checks what the database cannot: the organization exists, a coordinator's organization is
    /// of the matching kind, an instructor role names an instructor of the user's organization.
    /// - Throws: ``ServiceError/invalid(_:)`` naming the grant's field.
    static func checkRoles(_ grants: [RoleGrant], organizationId: UUID, on connection: Connection) throws {
        let scopes = GrantScopeRepository()
        guard let kind = try scopes.organizationKind(organizationId, on: connection) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "organizationId", rule: "exists", message: "No organization has the id \(organizationId)."))
        }
        for (index, grant) in grants.enumerated() {
            switch grant.role {
            case .schoolCoordinator where kind?.isSchool != true,
                .enterpriseCoordinator where kind == nil || kind?.isSchool == true || kind == .centerOperator:
                throw ServiceError.invalid(
                    DomainError(
                        field: "roles/\(index)/role", rule: "organizationKind",
                        message:
                            "A \(grant.role.rawValue) must belong to a \(grant.role == .schoolCoordinator ? "school" : "enterprise or institute"); this organization is a \(kind?.rawValue ?? "?")."
                    ))
            case .centerManager:
                guard try scopes.centerExists(grant.centerId!, on: connection) else {
                    throw ServiceError.invalid(
                        DomainError(
                            field: "roles/\(index)/centerId", rule: "exists",
                            message: "No center has the id \(grant.centerId!)."))
                }
            case .instructor:
                guard try scopes.instructorOrganization(grant.instructorId!, on: connection) == organizationId else {
                    throw ServiceError.invalid(
                        DomainError(
                            field: "roles/\(index)/instructorId", rule: "exists",
                            message: "No instructor of the user's organization has the id \(grant.instructorId!)."))
                }
            default:
                continue
            }
        }
    }
}
