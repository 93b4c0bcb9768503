public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension PlanService {
    /// Cancels a run: a queued one at once; a running one is marked, and its worker stops the
    /// search at its next heartbeat and ends it cancelled. Audited.
    /// - Returns: the run as it is now (`cancelled`, or `running` with ``Plan/cancelRequestedAt`` set).
    /// - Throws: ``ServiceError``: `.notFound`; `.forbidden` unless the caller manages the center;
    ///   `.conflict` for a run that already ended (succeeded, failed, published, cancelled).
    public func cancel(_ planId: UUID, as caller: Principal) async throws -> Plan {
        let plans = plans
        return try await database.withTransaction { connection in
            guard let plan = try plans.find(id: planId, forUpdate: true, on: connection) else {
                throw ServiceError.notFound(entity: "plan")
            }
            try Policy(caller).authorize(.change, .plans(centerId: plan.centerId), entity: "plan")
            let cancelled: Plan?
            switch plan.status {
            case .queued: cancelled = try plans.cancelQueued(planId: planId, on: connection)
            case .running: cancelled = try plans.requestCancel(planId: planId, on: connection)
            case .succeeded, .failed, .published, .cancelled: cancelled = nil
            }
            guard let cancelled else {
                throw ServiceError.conflict(
                    "The plan is \(plan.status.rawValue); only a queued or running plan can be cancelled.",
                    rule: "planStatus")
            }
            try AuditLog().record(
                caller.actor, action: "cancel", entity: "plan", id: planId.uuidString,
                before: CancelState(plan), after: CancelState(cancelled), on: connection)
            return try Self.readable(cancelled, by: caller)
        }
    }
}

/// What the audit row of a cancellation records.
private struct CancelState: Encodable {
    let status: PlanStatus
    let cancelRequestedAt: Date?

    init(_ plan: Plan) {
        status = plan.status
        cancelRequestedAt = plan.cancelRequestedAt
    }
}
