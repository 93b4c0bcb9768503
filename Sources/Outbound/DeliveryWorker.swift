public import Database
public import Domain
public import Foundation
public import Logging
import Repositories
public import ServiceLifecycle

// A delivery worker's loop (any number, in any number of `praxis serve` processes):
//
//   repeat until shutdown:
//     claim the oldest due `email` or `webhook` job (SKIP LOCKED; or one whose lease ran out)
//     if none: wait a poll interval
//     else: read its delivery; already delivered (a worker died after recording it): done
//           send it with its delivery id (Message-ID / X-Praxis-Delivery), renewing the lease meanwhile
//           in one transaction: record the attempt on the delivery, and complete the job, or fail it
//           (queued again after the back-off; dead, and the delivery failed, after max attempts)
//
// A worker that dies after sending but before recording: the job's lease runs out, another worker
// sends the same delivery id again (at least once on the wire, once per id for the receiver).

/// Sends the outbox's e-mails and webhook calls (see the loop above).
public struct DeliveryWorker: Service {
    let database: Database
    let configuration: DeliveryWorkerConfiguration
    let logger: Logger
    let jobs = JobQueue()
    let deliveries = DeliveryRepository()

    public init(database: Database, configuration: DeliveryWorkerConfiguration, logger: Logger) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
    }

    /// The kinds this worker takes: webhooks always, e-mail when a server is configured.
    var kinds: [JobKind] { configuration.mail == nil ? [.webhook] : [.email, .webhook] }

    public func run() async throws {
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                if try await runOnce() != nil { continue }
            } catch {
                logger.error("Delivery worker error", metadata: ["error": "\(String(reflecting: error))"])
            }
            try? await cancelWhenGracefulShutdown { try await Task.sleep(for: configuration.pollInterval) }
        }
    }

    /// Claims one due delivery job as of `now` and works it to its end.
    /// - Returns: the job, `nil` when none was due.
    @discardableResult
    public func runOnce(now: Date = Date()) async throws -> Job? {
        guard let job = try await claim(now: now) else { return nil }
        try await work(job, now: now)
        return job
    }

    /// Claims one due delivery job as of `now`, without working it (a test's dying process).
    public func claim(now: Date = Date()) async throws -> Job? {
        let (jobs, kinds, configuration) = (jobs, kinds, configuration)
        return try await database.withConnection {
            try jobs.claim(kinds: kinds, worker: configuration.workerId, lease: configuration.lease, now: now, on: $0)
        }
    }

    /// Sends a claimed job's delivery and records the outcome.
    func work(_ job: Job, now: Date) async throws {
        guard let deliveryId = job.payloadId("delivery") else {
            try await finish(job, outcome: .failed("The job names no delivery."), now: now)
            return
        }
        let started = ContinuousClock.now
        let outcome = await jobs.withLeaseRenewed(
            job, worker: configuration.workerId, lease: configuration.lease,
            heartbeat: configuration.heartbeatInterval, database: database
        ) { await send(deliveryId, kind: job.kind, now: now) }
        try await finish(job, deliveryId: deliveryId, outcome: outcome, now: now)
        DeliveryMetrics.attempted(job, outcome: outcome, duration: ContinuousClock.now - started)
    }

    /// What an attempt came to.
    enum Outcome {
        case delivered(status: Int?)
        case alreadyDelivered
        case failed(String, status: Int? = nil)
    }

    private func send(_ id: UUID, kind: JobKind, now: Date) async -> Outcome {
        do {
            let sender = DeliverySender(configuration: configuration)
            return try await sender.send(id, kind: kind, now: now, database: database)
        } catch {
            return .failed(String(describing: error))
        }
    }

    /// Records the attempt and completes or fails the job, in one transaction.
    private func finish(_ job: Job, deliveryId: UUID? = nil, outcome: Outcome, now: Date) async throws {
        let (jobs, deliveries, configuration, logger) = (jobs, deliveries, configuration, logger)
        try await database.withTransaction { connection in
            switch outcome {
            case .alreadyDelivered:
                try jobs.complete(job.id, worker: configuration.workerId, now: now, on: connection)
            case .delivered(let status):
                if let deliveryId {
                    try deliveries.record(
                        deliveryId, delivered: true, error: nil, httpStatus: status, finalFailure: false,
                        on: connection)
                }
                try jobs.complete(job.id, worker: configuration.workerId, now: now, on: connection)
            case .failed(let error, let status):
                let after = try jobs.fail(
                    job.id, worker: configuration.workerId, error: error, backoff: configuration.backoff, now: now,
                    on: connection)
                if let deliveryId {
                    try deliveries.record(
                        deliveryId, delivered: false, error: error, httpStatus: status, finalFailure: after == .dead,
                        on: connection)
                }
                logger.notice(
                    "Delivery failed",
                    metadata: ["job": "\(job.id)", "attempt": "\(job.attempts)", "error": "\(error)"])
            }
        }
    }
}
