import Access
import Allocator
public import Database
import Domain
public import Foundation
public import Logging
import NIOConcurrencyHelpers
import Repositories
import Service
public import ServiceLifecycle

// A worker's loop (any number of workers, in any number of `praxis serve` processes, share one queue):
//
//   repeat until shutdown:
//     mark failed the running plans whose lease ran out (their worker died) with no attempt left
//     claim the oldest queued plan through its `plan` job on the one job queue (jobs another worker
//     is claiming are skipped, not waited for: two workers never take the same one), or take over
//     from the start a run whose worker died, when its job has an attempt left
//     if none: wait a poll interval
//     else: read the center, build the problem, solve on a thread of its own (two searches on two
//           threads unless the process is busy) while renewing the lease
//           and writing progress every heartbeat; a lost lease stops the solve and its result is dropped;
//           a manager's cancel (seen at a heartbeat) stops the solve and the run ends cancelled;
//           record the proposal (or the failure)
// Graceful shutdown stops the search early: the best proposal so far is recorded.

/// Claims queued planner runs and runs them (see the loop above).
public struct PlanWorker: Service {
    let database: Database
    public let configuration: PlanWorkerConfiguration
    let logger: Logger
    let plans = PlanRepository()

    public init(database: Database, configuration: PlanWorkerConfiguration = PlanWorkerConfiguration(), logger: Logger)
    {
        self.database = database
        self.configuration = configuration
        self.logger = logger
    }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                _ = try await failExpiredLeases()
                if try await runOnce() != nil { continue }
            } catch {
                logger.error("Planner worker error", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: configuration.pollInterval) }
        }
    }

    /// Marks failed the running plans whose lease ran out and that no worker may take over.
    /// - Returns: their ids.
    public func failExpiredLeases() async throws -> [UUID] {
        let plans = plans
        let failed = try await database.withTransaction { try plans.failExpiredLeases(on: $0) }
        for id in failed { logger.warning("Planner run lost its worker", metadata: ["plan": "\(id)"]) }
        return failed
    }

    /// Claims the oldest queued plan and runs it to the end.
    /// - Returns: its id, or `nil` when none was queued.
    public func runOnce() async throws -> UUID? {
        guard let plan = try await claim() else { return nil }
        await execute(plan)
        return plan.id
    }

    /// Claims the oldest queued plan (its `plan` job on the one job queue) under this worker's
    /// lease, without running it.
    func claim() async throws -> Plan? {
        let (plans, configuration) = (plans, configuration)
        return try await database.withTransaction {
            try plans.claim(worker: configuration.workerId, lease: configuration.lease, on: $0)
        }
    }

    /// Runs a claimed plan to its end: proposal, failure or cancellation.
    func execute(_ plan: Plan) async {
        let (plans, worker, started) = (plans, configuration.workerId, ContinuousClock.now)
        do {
            let (snapshot, read) = try await database.withTransaction { connection in
                let snapshot = try CenterSnapshot.load(
                    centerId: plan.centerId, first: plan.horizon.from, last: plan.horizon.to,
                    requestIds: plan.requestIds, on: connection)
                return (snapshot, ContinuousClock.now)
            }
            let planning = ProblemBuilder.build(snapshot, weights: plan.weights)
            let mapped = ContinuousClock.now
            var runner = PlanRunner(
                timeLimit: .milliseconds(Int(plan.timeLimitSeconds * 1000)), seed: UInt64(plan.seed),
                progressInterval: configuration.heartbeatInterval)
            let busy = configuration.isBusy?() ?? false
            (runner.searches, runner.isBusy) = (busy ? 1 : configuration.searches, configuration.isBusy)
            let channel = PlanRunner.Channel()
            let outcome = try await solveHoldingLease(plan.id, planning, runner, channel)
            if channel.cancelRequested.withLockedValue({ $0 }) {
                try await endCancelled(plan.id)
                PlanMetrics.ended("cancelled", after: ContinuousClock.now - started)
                return
            }
            let proposing = ContinuousClock.now
            var result = ProposalReader(planning: planning, snapshot: snapshot).result(
                of: outcome.result, explanation: outcome.explanation)
            result.timings = PlanTimings(
                read: (read - started) / .seconds(1), map: (mapped - read) / .seconds(1),
                solve: outcome.solveSeconds, explain: outcome.explainSeconds,
                propose: (ContinuousClock.now - proposing) / .seconds(1), searches: runner.searches)
            try await record(plan.id, result, snapshot)
            PlanMetrics.ended(
                "proposed", after: ContinuousClock.now - started, score: result.score, unplaced: result.unplaced.count)
        } catch {
            PlanMetrics.ended("failed", after: ContinuousClock.now - started)
            let reason = Self.failureReason(error)
            logger.notice(
                "Planner run failed", metadata: ["plan": "\(plan.id)", "error": "\(String(reflecting: error))"])
            _ = try? await database.withTransaction {
                try plans.fail(planId: plan.id, worker: worker, reason: reason, on: $0)
            }
        }
    }

    /// Records a run's proposal, with what it read; a run cancelled meanwhile ends cancelled instead.
    private func record(_ planId: UUID, _ result: PlanResult, _ snapshot: CenterSnapshot) async throws {
        let (plans, worker) = (plans, configuration.workerId)
        let basis = PlanBasis(
            requestVersions: Dictionary(
                uniqueKeysWithValues: (snapshot.requests + snapshot.seatRequests).map { ($0.id, $0.version) }))
        let progress = PlanProgress(
            bestScore: result.score, unplacedSessions: result.unplaced.count, steps: result.steps,
            elapsedSeconds: result.seconds)
        let held = try await database.withTransaction {
            try plans.succeed(planId: planId, worker: worker, result: result, basis: basis, progress: progress, on: $0)
        }
        // not held: cancelled meanwhile (then it ends so), or the lease was lost
        if !held, try await endCancelled(planId) == false {
            logger.warning(
                "Planner run finished after losing its lease; result dropped", metadata: ["plan": "\(planId)"])
        }
    }

    /// Ends a run this worker holds as cancelled (a manager asked for it).
    /// - Returns: whether the worker still held it.
    @discardableResult
    private func endCancelled(_ planId: UUID) async throws -> Bool {
        let (plans, worker) = (plans, configuration.workerId)
        let ended = try await database.withTransaction {
            try plans.finishCancelled(planId: planId, worker: worker, on: $0)
        }
        if ended { logger.notice("Planner run cancelled", metadata: ["plan": "\(planId)"]) }
        return ended
    }

    /// Solves while renewing the lease every heartbeat; a lost lease or a graceful shutdown stops the search.
    private func solveHoldingLease(
        _ planId: UUID, _ planning: PlanningProblem, _ runner: PlanRunner, _ channel: PlanRunner.Channel
    ) async throws -> PlanRunner.Outcome {
        return try await withGracefulShutdownHandler {
            try await withThrowingTaskGroup(of: PlanRunner.Outcome?.self) { group in
                group.addTask { try await runner.solve(planning, channel: channel) }
                group.addTask {
                    await heartbeats(planId, channel)
                    return nil
                }
                var outcome: PlanRunner.Outcome?
                for try await value in group where value != nil {
                    outcome = value
                    group.cancelAll()
                }
                return outcome!
            }
        } onGracefulShutdown: {
            channel.cancelled.withLockedValue { $0 = true }
        }
    }

    /// Renews the lease and writes progress until cancelled; stops the solve when the lease is lost
    /// or a manager asked to cancel the run.
    private func heartbeats(_ planId: UUID, _ channel: PlanRunner.Channel) async {
        let (plans, configuration) = (plans, configuration)
        while !Task.isCancelled {
            try? await Task.sleep(for: configuration.heartbeatInterval)
            guard !Task.isCancelled else { return }
            let progress = channel.latest.withLockedValue { $0 }.map { latest in
                PlanProgress(
                    bestScore: PlanScore(
                        hard: latest.bestScore.hard, medium: latest.bestScore.medium, soft: latest.bestScore.soft),
                    unplacedSessions: Int(-latest.bestScore.medium), steps: latest.steps,
                    elapsedSeconds: latest.elapsed / .seconds(1))
            }
            do {
                let lease = try await database.withTransaction {
                    try plans.heartbeat(
                        planId: planId, worker: configuration.workerId, lease: configuration.lease, progress: progress,
                        on: $0)
                }
                switch lease {
                case .held: break
                case .cancelRequested:
                    channel.cancelRequested.withLockedValue { $0 = true }
                    channel.cancelled.withLockedValue { $0 = true }
                    return
                case .lost:
                    logger.warning("Planner run lost its lease; stopping the search", metadata: ["plan": "\(planId)"])
                    channel.cancelled.withLockedValue { $0 = true }
                    return
                }
            } catch {
                logger.warning(
                    "Planner heartbeat failed",
                    metadata: ["plan": "\(planId)", "error": "\(String(reflecting: error))"])
            }
        }
    }

    /// A sentence for the manager: the rule a request broke, the allocator's complaint, or a generic one.
    static func failureReason(_ error: any Error) -> String {
        switch error {
        case ServiceError.invalid(let rule): "A request cannot be planned: \(rule.message)"
        case ServiceError.notFound(let entity): "The \(entity) no longer exists."
        case let error as AllocatorError: "The allocator refused the problem: \(error.message)"
        default: "The run failed (\(String(describing: error))); run the plan again."
        }
    }
}
