public import Database
public import Domain
public import Foundation
public import Logging
import Repositories

// Scheduled work on the one job queue, in any number of processes:
//
//   tick(now):    for each schedule, enqueue its run due at the start of the current period, with the
//                 period as dedup key (INSERT … ON CONFLICT DO NOTHING): N processes, one job
//   runOnce(now): claim the oldest due scheduled job (SKIP LOCKED; or one whose lease ran out while
//                 attempts remain), do it while renewing the lease, then complete it, or fail it
//                 (queued again after the back-off, dead after its last attempt)
//
// Each kind's work is idempotent (a course is decided once; a certificate reminder is recorded
// with its notice), so a run taken over from a worker that died mid-run redoes nothing done.

/// Enqueues and works the scheduled jobs (course decisions, certificate reminders, the purge).
public struct ScheduledJobs: Sendable {
    let database: Database
    let configuration: Configuration
    let logger: Logger
    let jobs = JobQueue()

    /// Who works the scheduled jobs, how long a claim holds, how often they come.
    public struct Configuration: Sendable {
        /// The name written on the jobs this worker claims.
        public var workerId: String
        public var schedules: [Schedule]
        public var lease: Duration
        public var heartbeat: Duration
        /// Attempts of one run before it is dead (the next period brings a new run).
        public var maxAttempts: Int
        public var backoff: Backoff

        public init(
            workerId: String, schedules: [Schedule] = Schedule.standard, lease: Duration = .seconds(300),
            heartbeat: Duration = .seconds(60), maxAttempts: Int = 3, backoff: Backoff = Backoff()
        ) {
            self.workerId = workerId
            self.schedules = schedules
            self.lease = lease
            self.heartbeat = heartbeat
            self.maxAttempts = maxAttempts
            self.backoff = backoff
        }
    }

    public init(database: Database, configuration: Configuration, logger: Logger) {
        self.database = database
        self.configuration = configuration
        self.logger = logger
    }

    /// Enqueues every schedule's run due by `now`, once however many processes call it.
    /// - Returns: how many runs this call queued (the others existed).
    @discardableResult
    public func tick(now: Date = Date()) async throws -> Int {
        let (jobs, configuration) = (jobs, configuration)
        return try await database.withTransaction { connection in
            try configuration.schedules.reduce(0) { queued, schedule in
                let due = schedule.dueTime(at: now)
                let id = try jobs.enqueue(
                    schedule.kind, payload: JSONB(json: "{}"), dedupKey: schedule.dedupKey(for: due), runAt: due,
                    maxAttempts: configuration.maxAttempts, on: connection)
                return queued + (id == nil ? 0 : 1)
            }
        }
    }

    /// Claims one due scheduled job as of `now`, without working it (a test's dying process).
    public func claim(now: Date = Date()) async throws -> Job? {
        let (jobs, configuration) = (jobs, configuration)
        return try await database.withConnection {
            try jobs.claim(
                kinds: configuration.schedules.map(\.kind), worker: configuration.workerId, lease: configuration.lease,
                now: now, on: $0)
        }
    }

    /// Claims one due scheduled job as of `now` and works it to its end.
    /// - Returns: the job, `nil` when none was due.
    @discardableResult
    public func runOnce(now: Date = Date()) async throws -> Job? {
        guard let job = try await claim(now: now) else { return nil }
        let started = ContinuousClock.now
        let work = ScheduledWork(database: database, logger: logger)
        let error = await jobs.withLeaseRenewed(
            job, worker: configuration.workerId, lease: configuration.lease, heartbeat: configuration.heartbeat,
            database: database
        ) { () async -> String? in
            do {
                try await work.run(job.kind, now: now)
                return nil
            } catch {
                return String(describing: error)
            }
        }
        try await finish(job, error: error, now: now)
        ServiceMetrics.jobEnded(job.kind.rawValue, failed: error != nil, after: ContinuousClock.now - started)
        return job
    }

    /// Completes the job, or records its failure.
    private func finish(_ job: Job, error: String?, now: Date) async throws {
        let (jobs, configuration, logger) = (jobs, configuration, logger)
        try await database.withTransaction { connection in
            guard let error else {
                try jobs.complete(job.id, worker: configuration.workerId, now: now, on: connection)
                return
            }
            let after = try jobs.fail(
                job.id, worker: configuration.workerId, error: error, backoff: configuration.backoff, now: now,
                on: connection)
            logger.warning(
                "A scheduled job failed",
                metadata: [
                    "kind": "\(job.kind.rawValue)", "status": "\(after?.rawValue ?? "lost")", "error": "\(error)",
                ])
        }
    }
}
