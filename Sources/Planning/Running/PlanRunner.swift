import Allocator
import Foundation
import NIOConcurrencyHelpers

/// Runs the allocator on a thread of its own (a solve is synchronous and long), sharing its best
/// score so far and a cancellation flag with the async world.
struct PlanRunner: Sendable {
    /// The latest progress report and whether to stop, shared between the solver thread and the worker.
    final class Channel: Sendable {
        let latest = NIOLockedValueBox<SolverProgress?>(nil)
        let cancelled = NIOLockedValueBox(false)
        /// Whether the search stopped because a manager cancelled the run (not for a lost lease or a shutdown).
        let cancelRequested = NIOLockedValueBox(false)
    }

    let timeLimit: Duration
    let seed: UInt64
    let progressInterval: Duration

    /// Solves and explains `planning`; returns when the time limit is reached or `channel` is cancelled.
    func solve(_ planning: PlanningProblem, channel: Channel) async throws -> (SolverResult, Explanation) {
        let (problem, seed, timeLimit, interval) = (planning.problem, seed, timeLimit, progressInterval)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let configuration = SolverConfiguration(
                    seed: seed,
                    termination: Termination(
                        timeLimit: timeLimit, isCancelled: { channel.cancelled.withLockedValue { $0 } }),
                    progressInterval: interval)
                do {
                    let result = try Solver(configuration: configuration).solve(problem) { progress in
                        channel.latest.withLockedValue { $0 = progress }
                    }
                    let explanation = try Explanation(
                        problem: problem, solution: result.solution, seatAllocations: result.seatAllocations)
                    continuation.resume(returning: (result, explanation))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}
