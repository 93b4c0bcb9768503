public import Access
public import Database
import Dates
import Domain
public import Foundation
import Repositories
public import Service

/// Planner runs: queued here, run by a ``PlanWorker``, read while they run, published at once.
public struct PlanService: Sendable {
    let database: Database
    let plans = PlanRepository()

    public init(database: Database) {
        self.database = database
    }

    /// Queues a run over a center's horizon.
    /// - Throws: ``ServiceError``: `.invalid` naming the field (dates, time limit, weights, a request
    ///   that is not the center's or cannot be planned), `.notFound` for an unknown center.
    public func create(_ input: NewPlan, in centerId: UUID, by actor: AuditActor = .system) async throws -> Plan {
        let milliseconds: Int
        do { milliseconds = try input.validated() } catch { throw ServiceError.invalid(error) }
        let plans = plans
        return try await database.withTransaction { connection in
            guard try connection.query("SELECT id FROM centers WHERE id = \(centerId)").first != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            if let ids = input.requestIds { try CenterSnapshot.checkPlannable(ids, centerId: centerId, on: connection) }
            let plan = try plans.insert(input, centerId: centerId, timeLimitMilliseconds: milliseconds, on: connection)
            try AuditLog().record(
                actor, action: "create", entity: "plan", id: plan.id.uuidString, before: nil, after: input,
                on: connection)
            return plan
        }
    }

    /// The run, or `.notFound`.
    public func plan(_ id: UUID) async throws -> Plan {
        let plans = plans
        guard let plan = try await database.withConnection({ try plans.find(id: id, on: $0) }) else {
            throw ServiceError.notFound(entity: "plan")
        }
        return plan
    }

    /// A center's runs, newest first.
    public func plans(in centerId: UUID, page: Page) async throws -> [Plan] {
        let plans = plans
        return try await database.withConnection { connection in
            guard try connection.query("SELECT id FROM centers WHERE id = \(centerId)").first != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            return try plans.list(centerId: centerId, limit: page.limit, offset: page.offset, on: connection)
        }
    }
}
