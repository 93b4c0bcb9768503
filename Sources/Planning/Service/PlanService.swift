public import Access
public import Database
public import Domain
public import Foundation
import Repositories
public import Service

/// Planner runs: queued here, run by a ``PlanWorker``, read while they run, cancelled, published.
/// Every use case takes the caller and authorizes it with `Policy` (subject `.plans(centerId:)`)
/// inside its own transaction or connection.
public struct PlanService: Sendable {
    let database: Database
    let limits: PlanLimits
    let plans = PlanRepository()

    public init(database: Database, limits: PlanLimits = .fromEnvironment()) {
        self.database = database
        self.limits = limits
    }

    /// Queues a run over a center's horizon.
    /// - Throws: ``ServiceError``: `.notFound` for an unknown center; `.forbidden` unless the caller
    ///   manages it; `.invalid` naming the field (dates, time limit, weights, a request that is not
    ///   the center's or cannot be planned); `.throttled` when the center already has
    ///   ``PlanLimits/activePlansPerCenter`` queued or running runs.
    public func create(_ input: NewPlan, in centerId: UUID, as caller: Principal) async throws -> Plan {
        let (plans, limits) = (plans, limits)
        return try await database.withTransaction { connection in
            try Self.requireCenter(centerId, on: connection)
            try Policy(caller).authorize(.create, .plans(centerId: centerId), entity: "plan")
            let milliseconds = try Self.validated(input)
            try plans.lockQueue(centerId: centerId, on: connection)
            guard try plans.activeCount(centerId: centerId, on: connection) < limits.activePlansPerCenter else {
                throw ServiceError.throttled(retryAfter: limits.retryAfterSeconds)
            }
            if let ids = input.requestIds { try CenterSnapshot.checkPlannable(ids, centerId: centerId, on: connection) }
            let plan = try plans.insert(input, centerId: centerId, timeLimitMilliseconds: milliseconds, on: connection)
            try AuditLog().record(
                caller.actor, action: "create", entity: "plan", id: plan.id.uuidString, before: nil, after: input,
                on: connection)
            return plan
        }
    }

    /// The run, as the caller may read it.
    /// - Throws: ``ServiceError``: `.notFound`; `.forbidden` for a caller who does not read the center's plans.
    public func plan(_ id: UUID, as caller: Principal) async throws -> Plan {
        let plans = plans
        return try await database.withConnection { connection in
            guard let plan = try plans.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "plan")
            }
            return try Self.readable(plan, by: caller)
        }
    }

    /// A center's runs, newest first, as the caller may read them.
    /// - Throws: ``ServiceError``: `.notFound` for an unknown center; `.forbidden`.
    public func plans(in centerId: UUID, page: Page, as caller: Principal) async throws -> [Plan] {
        let plans = plans
        return try await database.withConnection { connection in
            try Self.requireCenter(centerId, on: connection)
            try Policy(caller).authorize(.read, .plans(centerId: centerId), entity: "plan")
            let audience = Policy(caller).audience(at: centerId)
            return try plans.list(centerId: centerId, limit: page.limit, offset: page.offset, on: connection)
                .map { $0.shown(to: audience) }
        }
    }

    /// `plan` if the caller reads its center's plans, redacted for its audience.
    static func readable(_ plan: Plan, by caller: Principal) throws -> Plan {
        try Policy(caller).authorize(.read, .plans(centerId: plan.centerId), entity: "plan")
        return plan.shown(to: Policy(caller).audience(at: plan.centerId))
    }

    /// The run's time limit in milliseconds, or `.invalid` naming the field.
    static func validated(_ input: NewPlan) throws(ServiceError) -> Int {
        do { return try input.validated() } catch { throw .invalid(error) }
    }

    static func requireCenter(_ centerId: UUID, on connection: Connection) throws {
        guard try CenterRepository().find(id: centerId, on: connection) != nil else {
            throw ServiceError.notFound(entity: "center")
        }
    }
}
