import Access
import Database
import Domain
import Foundation
import Repositories

extension QuotaService {
    /// The input validated, naming an organization that exists and a resource of this center.
    /// - Throws: ``ServiceError/invalid(_:)`` naming the field.
    static func checked(_ input: NewQuota, in centerId: UUID, on connection: Connection) throws -> NewQuota {
        let valid: NewQuota
        do throws(DomainError) { valid = try input.validated() } catch { throw ServiceError.invalid(error) }
        guard try OrganizationRepository().find(id: valid.organizationId, on: connection) != nil else {
            throw ServiceError.invalid(
                DomainError(
                    field: "organizationId", rule: "exists",
                    message: "There is no organization \(valid.organizationId)."))
        }
        if let resourceId = valid.resourceId,
            try ResourceRepository().find(id: resourceId, on: connection)?.centerId != centerId
        {
            throw ServiceError.invalid(
                DomainError(field: "resourceId", rule: "exists", message: "The center has no resource \(resourceId)."))
        }
        return valid
    }
}
