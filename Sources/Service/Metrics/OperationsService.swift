public import Database
import Repositories

/// What an operator watches besides the counters the use cases keep: the pool and the job queue,
/// read when metrics are scraped. No caller: `GET /metrics` has its own token.
public struct OperationsService: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Records `praxis_db_connections{state}` (in use, idle, waiting) and `praxis_jobs_queued{kind}`.
    public func recordGauges() async throws {
        let usage = await database.poolUsage()
        ServiceMetrics.pool(usage)
        let queued = try await database.withConnection { try JobQueueRepository().queued(on: $0) }
        for (kind, count) in queued { ServiceMetrics.queued(count, kind: kind) }
    }
}
