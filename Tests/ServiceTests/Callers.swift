import Access
import Foundation

/// Callers of the use cases, as the authentication middleware would build them from an account.
extension Principal {
    /// A school coordinator (or, with `school: false`, an enterprise coordinator) of `organizationId`.
    static func coordinator(of organizationId: UUID, school: Bool = true) -> Principal {
        Principal(
            userId: UUID(), username: "coordinator", organizationId: organizationId,
            grants: [RoleGrant(role: school ? .schoolCoordinator : .enterpriseCoordinator)])
    }

    /// A manager of `centerId`, of an operator organization of their own.
    static func manager(of centerId: UUID, organizationId: UUID = UUID()) -> Principal {
        Principal(
            userId: UUID(), username: "manager", organizationId: organizationId,
            grants: [RoleGrant(role: .centerManager, centerId: centerId)])
    }
}
