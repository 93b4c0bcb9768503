public import Database
public import Domain
public import Foundation

// The one job queue (`jobs`), for every kind of background work:
//
//   enqueue: a row due at run_at (idempotent per kind and dedup key)
//   claim:   the oldest due job of the worker's kinds, or a running one whose lease ran out while it
//            has attempts left; rows other workers are claiming are skipped, not waited for
//   renew:   the worker extends its lease while it works (a lost lease: another worker may take it)
//   finish:  done; or failed: queued again after an exponential back-off, dead after max attempts
//   reap:    running jobs whose lease ran out with no attempt left become dead
//
// `now` is a parameter everywhere so that tests drive leases and back-offs without sleeping.

/// Reads and writes the one job queue (see above).
public struct JobQueue: Sendable {
    public init() {}

    private static let columns: SQL = """
        id, kind, payload::text AS payload, status::text AS status, run_at, attempts, max_attempts, lease_until,
        worker, last_error
        """

    /// Queues a job, unless one of its kind with the same `dedupKey` exists.
    /// - Returns: the new job's id, `nil` when it existed.
    @discardableResult
    public func enqueue(
        _ kind: JobKind, payload: JSONB, dedupKey: String? = nil, runAt: Date? = nil, maxAttempts: Int = 8,
        on connection: Connection
    ) throws -> UUID? {
        try connection.query(
            """
            INSERT INTO jobs (kind, payload, dedup_key, run_at, max_attempts)
            VALUES (\(kind.rawValue), \(payload), \(dedupKey), coalesce(\(runAt), now()), \(maxAttempts))
            ON CONFLICT (kind, dedup_key) DO NOTHING RETURNING id
            """
        ).first?.decode("id")
    }

    /// Claims the oldest due job of `kinds` for `worker` under a lease of `lease` from `now`.
    public func claim(
        kinds: [JobKind], worker: String, lease: Duration, now: Date = Date(), on connection: Connection
    ) throws -> Job? {
        try connection.query(
            """
            UPDATE jobs SET status = 'running', worker = \(worker), attempts = attempts + 1, started_at = \(now),
                   lease_until = \(now) + make_interval(secs => \(lease / .seconds(1)))
            WHERE id = (
                SELECT id FROM jobs
                WHERE kind = ANY(\(kinds.map(\.rawValue)))
                  AND ((status = 'queued' AND run_at <= \(now))
                       OR (status = 'running' AND lease_until < \(now) AND attempts < max_attempts))
                ORDER BY run_at, id FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING \(Self.columns)
            """
        ).first.map(Self.job(from:))
    }

    /// Extends `worker`'s lease on a running job.
    /// - Returns: whether the worker still holds it.
    public func renew(
        _ id: UUID, worker: String, lease: Duration, now: Date = Date(), on connection: Connection
    ) throws -> Bool {
        try connection.query(
            """
            UPDATE jobs SET lease_until = \(now) + make_interval(secs => \(lease / .seconds(1)))
            WHERE id = \(id) AND status = 'running' AND worker = \(worker)
            """
        ).affectedRows == 1
    }

    /// Ends a job `worker` holds as done.
    /// - Returns: whether the worker still held it.
    @discardableResult
    public func complete(_ id: UUID, worker: String, now: Date = Date(), on connection: Connection) throws -> Bool {
        try connection.query(
            """
            UPDATE jobs SET status = 'done', lease_until = NULL, finished_at = \(now), last_error = NULL
            WHERE id = \(id) AND status = 'running' AND worker = \(worker)
            """
        ).affectedRows == 1
    }

    /// Records a failed attempt of a job `worker` holds: queued again after the back-off, or dead
    /// when it had no attempt left.
    /// - Returns: the job's status now, `nil` when the worker no longer held it.
    @discardableResult
    public func fail(
        _ id: UUID, worker: String, error: String, backoff: Backoff = Backoff(), now: Date = Date(),
        on connection: Connection
    ) throws -> Job.Status? {
        let (base, cap) = (backoff.base / .seconds(1), backoff.cap / .seconds(1))
        return try connection.query(
            """
            UPDATE jobs SET lease_until = NULL, worker = NULL, last_error = left(\(error), 2000),
                   status = CASE WHEN attempts >= max_attempts THEN 'dead' ELSE 'queued' END::job_status,
                   finished_at = CASE WHEN attempts >= max_attempts THEN \(now) END,
                   run_at = \(now) + make_interval(secs => least(\(cap), \(base) * power(2, attempts - 1)))
            WHERE id = \(id) AND status = 'running' AND worker = \(worker)
            RETURNING status::text AS status
            """
        ).first.map { Job.Status(rawValue: try $0.decode("status")) ?? .dead }
    }

    /// Declares dead the running jobs of `kinds` whose lease ran out with no attempt left.
    /// - Returns: those jobs.
    public func reapExpired(kinds: [JobKind], now: Date = Date(), on connection: Connection) throws -> [Job] {
        try connection.query(
            """
            UPDATE jobs SET status = 'dead', finished_at = \(now), lease_until = NULL,
                   last_error = 'The worker ' || coalesce(worker, '?') || ' stopped renewing its lease.'
            WHERE kind = ANY(\(kinds.map(\.rawValue))) AND status = 'running' AND lease_until < \(now)
              AND attempts >= max_attempts
            RETURNING \(Self.columns)
            """
        ).map(Self.job(from:))
    }

    /// The job with this id.
    public func find(_ id: UUID, on connection: Connection) throws -> Job? {
        try connection.query("SELECT \(Self.columns) FROM jobs WHERE id = \(id)").first.map(Self.job(from:))
    }

    /// The jobs waiting or running, by kind: the queue's depth (for metrics).
    public func depthByKind(on connection: Connection) throws -> [JobDepth] {
        try connection.query(
            """
            SELECT kind, count(*) FILTER (WHERE status = 'queued')::int AS queued,
                   count(*) FILTER (WHERE status = 'running')::int AS running
            FROM jobs WHERE status IN ('queued', 'running') GROUP BY kind ORDER BY kind
            """
        ).map { row in
            JobDepth(
                kind: JobKind(rawValue: try row.decode("kind")), queued: try row.decode("queued"),
                running: try row.decode("running"))
        }
    }

    static func job(from row: Row) throws -> Job {
        Job(
            id: try row.decode("id"), kind: JobKind(rawValue: try row.decode("kind")),
            payload: try row.decode("payload"), status: Job.Status(rawValue: try row.decode("status")) ?? .dead,
            runAt: try row.decode("run_at"), attempts: try row.decode("attempts"),
            maxAttempts: try row.decode("max_attempts"), leaseUntil: try row.decode("lease_until", as: Date?.self),
            worker: try row.decode("worker", as: String?.self),
            lastError: try row.decode("last_error", as: String?.self))
    }
}

/// How many jobs of a kind wait and run.
public struct JobDepth: Sendable, Equatable {
    public var kind: JobKind
    public var queued: Int
    public var running: Int

    public init(kind: JobKind, queued: Int, running: Int) {
        self.kind = kind
        self.queued = queued
        self.running = running
    }
}
