import Access
import Database
import Domain
import Foundation
import Repositories

extension BookingService {
    /// A person's direct booking follows the planner's rules (``NewBooking/checkForPeople(now:organization:center:seats:)``):
    /// no past times, a category the organization does, participants within the seats. The system
    /// (the demo seed, imports, the command line) records what happened and is not held to them.
    /// - Throws: ``ServiceError/invalid(_:)`` naming the field and the rule.
    func checkForPeople(
        _ input: NewBooking, center: Center, resources: [UUID: Resource], as caller: Principal,
        on connection: Connection
    ) throws {
        guard !caller.isSystem else { return }
        let organization = try OrganizationRepository().find(id: input.organizationId, on: connection)
        do throws(DomainError) {
            try input.checkForPeople(
                now: now(), organization: organization, center: center, seats: resources.mapValues(\.seats))
        } catch { throw ServiceError.invalid(error) }
    }
}
