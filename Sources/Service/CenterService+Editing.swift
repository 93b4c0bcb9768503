public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension CenterService {
    /// Renames a center or changes its slot length, at the version the caller read. The slot
    /// length shapes the planner's grid from the next run on; bookings keep their times. The time
    /// zone cannot change (see ``CenterChange``); buffers and shares are the policy's.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers, `.staleVersion`,
    ///   `.invalid`, `.conflict` when another center has the name.
    public func change(
        center centerId: UUID, _ change: CenterChange, version: Int, as caller: Principal
    ) async throws -> Center {
        let (centers, audit) = (centers, audit)
        return try await database.withTransaction { connection in
            guard let center = try centers.find(id: centerId, forUpdate: true, on: connection) else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.change, .center(centerId), entity: "center")
            guard center.version == version else { throw ServiceError.staleVersion(current: center.version) }
            let wanted: Center
            do throws(DomainError) { wanted = try change.applied(to: center) } catch {
                throw ServiceError.invalid(error)
            }
            do {
                let changed = try centers.update(wanted, version: version, on: connection)!
                try audit.record(
                    caller.actor, action: "update", entity: "center", id: centerId.uuidString, before: center,
                    after: changed, on: connection)
                return changed
            } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
                throw ServiceError.conflict("A center named \(wanted.name) already exists.", rule: "taken")
            }
        }
    }
}
