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

    /// What a solve returns: the result, what was left out and why, and how long each took.
    struct Outcome: Sendable {
        var result: SolverResult
        var explanation: Explanation
        var solveSeconds: Double
        var explainSeconds: Double
    }

    let timeLimit: Duration
    let seed: UInt64
    let progressInterval: Duration
    /// Searches side by side (``SolverConfiguration/searches``).
    var searches = 1
    /// Asked at each meeting of the searches: `true` leaves one search only.
    var isBusy: (@Sendable () -> Bool)?

    /// Solves and explains `planning`; returns when the time limit is reached or `channel` is cancelled.
    /// A center that lets some categories displace confirmed bookings gets 30% of the time for
    /// displacement's second search (DisplacementStage), when the first leaves their sessions out.
    func solve(_ planning: PlanningProblem, channel: Channel) async throws -> Outcome {
        let (seed, timeLimit, interval, searches, isBusy) = (seed, timeLimit, progressInterval, searches, isBusy)
        return try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                let stage = DisplacementStage(planning: planning)
                func search(_ problem: Problem, share: Double) throws -> SolverResult {
                    let configuration = SolverConfiguration(
                        seed: seed,
                        termination: Termination(
                            timeLimit: timeLimit * share, isCancelled: { channel.cancelled.withLockedValue { $0 } }),
                        progressInterval: interval, searches: searches, isBusy: isBusy)
                    return try Solver(configuration: configuration).solve(problem) { progress in
                        channel.latest.withLockedValue { $0 = progress }
                    }
                }
                do {
                    let started = ContinuousClock.now
                    var result = try search(planning.problem, share: stage.isPossible ? 0.7 : 1)
                    var tried = false
                    if stage.isPossible, !stage.displacingLeftOut(result.solution).isEmpty,
                        !channel.cancelled.withLockedValue({ $0 })
                    {
                        tried = true
                        let second = try search(stage.problem(after: result.solution), share: 0.3)
                        result = stage.better(second, than: result) ?? result
                    }
                    let solved = ContinuousClock.now
                    var explanation = try Explanation(
                        problem: stage.isPossible ? stage.widened : planning.problem, solution: result.solution,
                        seatAllocations: result.seatAllocations)
                    if tried { stage.tell(&explanation) }
                    continuation.resume(
                        returning: Outcome(
                            result: result, explanation: explanation, solveSeconds: (solved - started) / .seconds(1),
                            explainSeconds: (ContinuousClock.now - solved) / .seconds(1)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
            thread.stackSize = 16 << 20
            thread.start()
        }
    }
}
