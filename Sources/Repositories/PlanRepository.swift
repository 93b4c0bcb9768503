public import Database
public import Domain
public import Foundation

/// Reads and writes `plans`: the queue of planner runs, their leases, progress and proposals.
public struct PlanRepository: Sendable {
    public init() {}

    private static let columns: SQL = """
        id, center_id, status, lower(horizon)::text AS horizon_from, (upper(horizon) - 1)::text AS horizon_to,
        request_ids::text[] AS request_ids, time_limit_ms, seed, weights, attempts, progress, result, failure,
        created_at, started_at, finished_at, published_at, cancel_requested_at, version
        """

    /// Attempts a run's `plan` job gets: a run whose worker died is taken over once by another
    /// worker when the lease runs out; a run whose second worker died too ends failed.
    public static let attempts = 2

    /// Queues a run, with its `plan` job on the one job queue (``attempts`` attempts).
    public func insert(
        _ input: NewPlan, centerId: UUID, timeLimitMilliseconds: Int, on connection: Connection
    ) throws -> Plan {
        let ids = input.requestIds.map { $0.map { $0.uuidString.lowercased() } }
        let weights = try input.weights.map { try JSONB(encoding: $0) }
        let plan = try Self.plan(
            from: try connection.query(
                """
                INSERT INTO plans (center_id, horizon, request_ids, time_limit_ms, seed, weights)
                VALUES (\(centerId), daterange(\(input.horizon.from)::date, \(input.horizon.to)::date, '[]'), \(ids)::uuid[],
                        \(Int32(timeLimitMilliseconds)), \(input.seed ?? 0), \(weights))
                RETURNING \(Self.columns)
                """
            ).first!)
        try JobQueue().enqueue(
            .plan, payload: JSONB(json: "{\"plan\": \"\(plan.id.uuidString.lowercased())\"}"),
            dedupKey: plan.id.uuidString.lowercased(), maxAttempts: Self.attempts, on: connection)
        return plan
    }

    /// The run with this id; `forUpdate` locks it until the transaction ends.
    public func find(id: UUID, forUpdate: Bool = false, on connection: Connection) throws -> Plan? {
        let lock: SQL = forUpdate ? " FOR UPDATE" : ""
        return try connection.query("SELECT \(Self.columns) FROM plans WHERE id = \(id)\(lock)").first.map(
            Self.plan(from:))
    }

    /// A center's runs, newest first.
    public func list(centerId: UUID, limit: Int, offset: Int, on connection: Connection) throws -> [Plan] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM plans WHERE center_id = \(centerId)
            ORDER BY created_at DESC, id LIMIT \(limit) OFFSET \(offset)
            """
        ).map(Self.plan(from:))
    }

    /// Takes the oldest queued run for `worker`, under a lease of `lease`: claims its `plan` job
    /// (jobs other workers are claiming at the same moment are skipped, not waited for), then marks
    /// the plan running. The job of a run whose worker died (lease run out, an attempt left) is
    /// claimed the same way, and the run taken over from the start. The job alone decides whether a
    /// running plan was abandoned (the plan's own lease, read against this transaction's start, can
    /// look alive when the job's has run out). A job whose plan is neither queued nor running
    /// (cancelled meanwhile) is completed and the next one tried. Call it inside a transaction.
    public func claim(worker: String, lease: Duration, on connection: Connection) throws -> Plan? {
        let jobs = JobQueue()
        while let job = try jobs.claim(kinds: [.plan], worker: worker, lease: lease, on: connection) {
            if let planId = job.payloadId("plan"),
                let plan = try connection.query(
                    """
                    UPDATE plans SET status = 'running', worker = \(worker), attempts = attempts + 1, started_at = now(),
                           lease_until = now() + make_interval(secs => \(lease / .seconds(1))), version = version + 1
                    WHERE id = \(planId) AND status IN ('queued', 'running')
                    RETURNING \(Self.columns)
                    """
                ).first.map(Self.plan(from:))
            {
                return plan
            }
            try jobs.complete(job.id, worker: worker, on: connection)
        }
        return nil
    }

    /// Ends the `plan` job of a run `worker` held, when the run ends (succeeded, failed, cancelled).
    public func finishJob(planId: UUID, worker: String, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE jobs SET status = 'done', lease_until = NULL, finished_at = now()
            WHERE kind = 'plan' AND dedup_key = \(planId.uuidString.lowercased()) AND status = 'running'
              AND worker = \(worker)
            """)
    }

    /// What a heartbeat found.
    public enum Lease: Sendable, Equatable {
        /// The worker still holds the run.
        case held
        /// The worker still holds the run, and a manager asked to cancel it.
        case cancelRequested
        /// The run was declared dead meanwhile (or cancelled while queued): the worker no longer holds it.
        case lost
    }

    /// Renews `worker`'s lease on a running plan and records its progress.
    public func heartbeat(
        planId: UUID, worker: String, lease: Duration, progress: PlanProgress?, on connection: Connection
    ) throws -> Lease {
        let progress = try progress.map { try JSONB(encoding: $0) }
        guard
            let row = try connection.query(
                """
                UPDATE plans SET lease_until = now() + make_interval(secs => \(lease / .seconds(1))),
                       progress = coalesce(\(progress), progress), progress_seq = progress_seq + 1
                WHERE id = \(planId) AND status = 'running' AND worker = \(worker)
                RETURNING cancel_requested_at IS NOT NULL AS cancel
                """
            ).first
        else { return .lost }
        try connection.query(
            """
            UPDATE jobs SET lease_until = now() + make_interval(secs => \(lease / .seconds(1)))
            WHERE kind = 'plan' AND dedup_key = \(planId.uuidString.lowercased()) AND status = 'running'
              AND worker = \(worker)
            """)
        return try row.decode("cancel", as: Bool.self) ? .cancelRequested : .held
    }

    /// Records the proposal of a run `worker` holds, unless a manager asked to cancel it meanwhile.
    /// - Returns: whether the worker still held it (and no cancel was asked for).
    public func succeed(
        planId: UUID, worker: String, result: PlanResult, basis: PlanBasis, progress: PlanProgress,
        on connection: Connection
    ) throws -> Bool {
        let held =
            try connection.query(
                """
                UPDATE plans SET status = 'succeeded', result = \(try JSONB(encoding: result)), basis = \(try JSONB(encoding: basis)),
                       progress = \(try JSONB(encoding: progress)), progress_seq = progress_seq + 1, lease_until = NULL,
                       finished_at = now(), version = version + 1
                WHERE id = \(planId) AND status = 'running' AND worker = \(worker) AND cancel_requested_at IS NULL
                """
            ).affectedRows == 1
        if held { try finishJob(planId: planId, worker: worker, on: connection) }
        return held
    }

    /// Marks a run `worker` holds as failed.
    /// - Returns: whether the worker still held it.
    public func fail(planId: UUID, worker: String, reason: String, on connection: Connection) throws -> Bool {
        let held =
            try connection.query(
                """
                UPDATE plans SET status = 'failed', failure = \(reason), lease_until = NULL, finished_at = now(),
                       progress_seq = progress_seq + 1, version = version + 1
                WHERE id = \(planId) AND status = 'running' AND worker = \(worker)
                """
            ).affectedRows == 1
        if held { try finishJob(planId: planId, worker: worker, on: connection) }
        return held
    }

    /// Marks failed every running plan whose lease ran out (its worker crashed or hung) and whose
    /// `plan` job has no attempt left for another worker to take it over.
    /// - Returns: the ids of the plans marked.
    public func failExpiredLeases(on connection: Connection) throws -> [UUID] {
        let failed: [UUID] = try connection.query(
            """
            UPDATE plans SET status = 'failed', lease_until = NULL, finished_at = now(),
                   failure = 'The worker ' || coalesce(worker, '?') || ' stopped renewing its lease (expired '
                             || to_char(lease_until AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '); run the plan again.',
                   progress_seq = progress_seq + 1, version = version + 1
            WHERE status = 'running' AND lease_until < now()
              AND NOT EXISTS (
                  SELECT 1 FROM jobs
                  WHERE kind = 'plan' AND dedup_key = plans.id::text AND status IN ('queued', 'running')
                    AND attempts < max_attempts)
            RETURNING id
            """
        ).map { try $0.decode("id") }
        _ = try JobQueue().reapExpired(kinds: [.plan], on: connection)
        return failed
    }

    /// Ends a run `worker` holds as cancelled, at a manager's request, keeping its last progress.
    /// - Returns: whether the worker still held it.
    public func finishCancelled(planId: UUID, worker: String, on connection: Connection) throws -> Bool {
        let held =
            try connection.query(
                """
                UPDATE plans SET status = 'cancelled', lease_until = NULL, finished_at = now(),
                       progress_seq = progress_seq + 1, version = version + 1
                WHERE id = \(planId) AND status = 'running' AND worker = \(worker)
                """
            ).affectedRows == 1
        if held { try finishJob(planId: planId, worker: worker, on: connection) }
        return held
    }

    /// Cancels a queued run at once.
    public func cancelQueued(planId: UUID, on connection: Connection) throws -> Plan? {
        try connection.query(
            """
            UPDATE plans SET status = 'cancelled', finished_at = now(), progress_seq = progress_seq + 1,
                   version = version + 1
            WHERE id = \(planId) AND (status = 'queued' OR (status = 'running' AND lease_until < now()))
            RETURNING \(Self.columns)
            """
        ).first.map(Self.plan(from:))
    }

    /// Asks the worker of a running run to stop at its next heartbeat.
    public func requestCancel(planId: UUID, on connection: Connection) throws -> Plan? {
        try connection.query(
            """
            UPDATE plans SET cancel_requested_at = coalesce(cancel_requested_at, now()),
                   progress_seq = progress_seq + 1, version = version + 1
            WHERE id = \(planId) AND status = 'running'
            RETURNING \(Self.columns)
            """
        ).first.map(Self.plan(from:))
    }

    /// Serializes the queueing of runs at one center until the transaction ends, so that the
    /// count of its active runs holds across service processes.
    public func lockQueue(centerId: UUID, on connection: Connection) throws {
        try connection.query(
            "SELECT pg_advisory_xact_lock(hashtextextended(\("praxis.plans:" + centerId.uuidString.lowercased()), 0))")
    }

    /// The center's queued and running runs.
    public func activeCount(centerId: UUID, on connection: Connection) throws -> Int {
        try connection.query(
            """
            SELECT count(*)::int AS active FROM plans WHERE center_id = \(centerId) AND status IN ('queued', 'running')
            """
        ).first!.decode("active")
    }

    /// Serializes publishing at one center until the transaction ends.
    public func lockPublishing(centerId: UUID, on connection: Connection) throws {
        try connection.query(
            "SELECT pg_advisory_xact_lock(hashtextextended(\("praxis.publish:" + centerId.uuidString.lowercased()), 0))"
        )
    }

    /// Marks a succeeded run published.
    public func markPublished(planId: UUID, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE plans SET status = 'published', published_at = now(), progress_seq = progress_seq + 1, version = version + 1
            WHERE id = \(planId) AND status = 'succeeded'
            """)
    }

    /// What a run read, for publishing to re-check.
    public func basis(planId: UUID, on connection: Connection) throws -> PlanBasis? {
        try connection.query("SELECT basis FROM plans WHERE id = \(planId)").first?.decode("basis", as: JSONB?.self)?
            .decode()
    }

    static func plan(from row: Row) throws -> Plan {
        let status: String = try row.decode("status")
        guard let planStatus = PlanStatus(rawValue: status) else {
            throw DatabaseError(code: .decoding, message: "Unknown plan status \(status)")
        }
        let milliseconds: Int = try row.decode("time_limit_ms")
        return Plan(
            id: try row.decode("id"), centerId: try row.decode("center_id"), status: planStatus,
            horizon: PlanHorizon(from: try row.decode("horizon_from"), to: try row.decode("horizon_to")),
            requestIds: try row.decode("request_ids", as: [String]?.self)?.compactMap(UUID.init(uuidString:)),
            timeLimitSeconds: Double(milliseconds) / 1000, seed: try row.decode("seed"),
            weights: try row.decode("weights", as: JSONB?.self)?.decode(), attempts: try row.decode("attempts"),
            progress: try row.decode("progress", as: JSONB?.self)?.decode(),
            result: try row.decode("result", as: JSONB?.self)?.decode(),
            failure: try row.decode("failure", as: String?.self), createdAt: try row.decode("created_at"),
            startedAt: try row.decode("started_at", as: Date?.self),
            finishedAt: try row.decode("finished_at", as: Date?.self),
            publishedAt: try row.decode("published_at", as: Date?.self),
            cancelRequestedAt: try row.decode("cancel_requested_at", as: Date?.self), version: try row.decode("version")
        )
    }
}
