public import Database
public import Domain

extension JobQueue {
    /// Runs `body` while renewing `worker`'s lease on `job` every `heartbeat`, so that other
    /// workers leave it alone while it is worked; the renewals stop when `body` returns.
    /// - Returns: what `body` returned.
    public func withLeaseRenewed<Result: Sendable>(
        _ job: Job, worker: String, lease: Duration, heartbeat: Duration, database: Database,
        _ body: @Sendable () async -> Result
    ) async -> Result {
        await withTaskGroup(of: Result?.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: heartbeat)
                    guard !Task.isCancelled else { break }
                    _ = try? await database.withConnection {
                        try self.renew(job.id, worker: worker, lease: lease, on: $0)
                    }
                }
                return nil
            }
            let result = await body()
            group.cancelAll()
            return result
        }
    }
}
