import Logging
import Service
import ServiceLifecycle

/// The web process's share of the scheduled jobs: every `interval`, enqueue the runs due (once
/// across all processes) and work the due ones until none is left. Any process may do any run;
/// the job queue makes sure exactly one does each (see docs/job-queue.md).
struct ScheduledJobRunner: Service {
    let jobs: ScheduledJobs
    let interval: Duration
    let logger: Logger

    /// Runs until graceful shutdown, which ends the wait between rounds (not an error).
    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                do {
                    try await jobs.tick()
                    while try await jobs.runOnce() != nil {}
                } catch {
                    logger.warning("scheduled jobs will be retried", metadata: ["error": "\(error)"])
                }
                try? await Task.sleep(for: interval)
            }
        }
    }
}
