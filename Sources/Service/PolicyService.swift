public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Reads and replaces a center's category policy (shares, changeover matrix, planner weights).
public struct PolicyService: Sendable {
    let database: Database
    let policies = PolicyRepository()
    let centers = CenterRepository()

    public init(database: Database) {
        self.database = database
    }

    /// The center's policy (version 0 until first written).
    public func policy(of centerId: UUID, as caller: Principal) async throws -> CenterPolicy {
        let (policies, centers) = (policies, centers)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try policies.policy(centerId: centerId, on: connection)
        }
    }

    /// Replaces the policy at the version the caller read. New changeover buffers apply to
    /// bookings made from now on; existing bookings stay as they are.
    /// - Throws: `.invalid` naming the field, `.notFound`, `.forbidden` for anyone but the
    ///   center's managers, `.staleVersion`.
    public func replace(
        _ policy: CenterPolicy, of centerId: UUID, version: Int, as caller: Principal
    ) async throws -> CenterPolicy {
        let (policies, centers, audit) = (policies, centers, AuditLog())
        return try await database.withTransaction { connection in
            guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.change, .center(centerId), entity: "center")
            do throws(DomainError) { try policy.validate() } catch { throw ServiceError.invalid(error) }
            let current = try policies.policy(centerId: centerId, on: connection)
            guard current.version == version else { throw ServiceError.staleVersion(current: current.version ?? 0) }
            let replaced = try policies.replace(policy, centerId: centerId, on: connection)
            try audit.record(
                caller.actor, action: "update", entity: "center_policy", id: centerId.uuidString, before: current,
                after: replaced, on: connection)
            return replaced
        }
    }
}
