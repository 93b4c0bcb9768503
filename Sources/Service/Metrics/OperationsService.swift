public import Database
import Domain
import Repositories

/// What an operator watches besides the counters the use cases keep: the pool and the job queue,
/// read when metrics are scraped; the queue's depth comes from the one jobs table, every known kind
/// reported (0 when none waits). No caller: `GET /metrics` has its own token.
public struct OperationsService: Sendable {
    let database: Database

    public init(database: Database) {
        self.database = database
    }

    /// Records `praxis_db_connections{state}` (in use, idle, waiting) and `praxis_jobs_queued{kind}`.
    public func recordGauges() async throws {
        let usage = await database.poolUsage()
        ServiceMetrics.pool(usage)
        let depths = try await database.withConnection { try JobQueue().depthByKind(on: $0) }
        let known: [JobKind] = [.plan, .email, .webhook]
        for kind in Set(known + depths.map(\.kind)).sorted(by: { $0.rawValue < $1.rawValue }) {
            ServiceMetrics.queued(depths.first { $0.kind == kind }?.queued ?? 0, kind: kind.rawValue)
        }
    }
}
