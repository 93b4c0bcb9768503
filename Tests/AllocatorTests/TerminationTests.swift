import Testing

@testable import Allocator

@Suite("termination")
struct TerminationTests {
    @Test("a time limit stops at the limit, read from an injected clock, with the time gradient")
    func timeLimit() {
        let clock = ManualClock()
        var state = TerminationState(Termination(timeLimit: .seconds(10), clock: clock))
        clock.advance(by: .seconds(4))
        state.refresh()
        #expect(!state.shouldStop(steps: 1, unimprovedSteps: 1))
        #expect(state.timeGradient(steps: 1) == 0.4)
        clock.advance(by: .seconds(6))
        state.refresh()
        #expect(state.shouldStop(steps: 2, unimprovedSteps: 0))
    }

    @Test("step, unimproved-step and cancellation limits")
    func otherLimits() {
        let steps = TerminationState(Termination(stepLimit: 100, clock: ManualClock()))
        #expect(!steps.shouldStop(steps: 99, unimprovedSteps: 0))
        #expect(steps.shouldStop(steps: 100, unimprovedSteps: 0))
        #expect(steps.timeGradient(steps: 25) == 0.25)
        let unimproved = TerminationState(Termination(unimprovedStepLimit: 10, clock: ManualClock()))
        #expect(unimproved.shouldStop(steps: 500, unimprovedSteps: 10))
        var cancelled = TerminationState(Termination(isCancelled: { true }, clock: ManualClock()))
        #expect(!cancelled.shouldStop(steps: 0, unimprovedSteps: 0))
        cancelled.refresh()
        #expect(cancelled.shouldStop(steps: 0, unimprovedSteps: 0))
        let feasible = TerminationState(
            Termination(bestScoreLimit: Score(hard: 0, medium: 0, soft: .min), clock: ManualClock())
        )
        #expect(!feasible.shouldStop(steps: 0, unimprovedSteps: 0, bestScore: Score(hard: -1, medium: 0, soft: 0)))
        #expect(feasible.shouldStop(steps: 0, unimprovedSteps: 0, bestScore: Score(hard: 0, medium: 0, soft: -900)))
    }

    @Test("a solve with a manual clock that passes the limit on every reading stops after one check")
    func solveStops() throws {
        let problem = RandomProblem.make(seed: 3)
        let termination = Termination(timeLimit: .seconds(1), clock: ManualClock(tick: .seconds(2)), checkInterval: 64)
        let result = try Solver(configuration: SolverConfiguration(termination: termination)).solve(problem)
        #expect(result.steps <= 64)
    }

    @Test("progress is reported with the best score, and the run recalls the best solution")
    func progress() throws {
        let problem = RandomProblem.make(seed: 4, sessions: 30)
        var reports: [SolverProgress] = []
        let configuration = SolverConfiguration(
            seed: 4,
            termination: Termination(stepLimit: 5_000, clock: ManualClock(tick: .milliseconds(1))),
            progressInterval: .zero
        )
        let result = try Solver(configuration: configuration).solve(problem) { reports.append($0) }
        #expect(!reports.isEmpty)
        #expect(reports.last?.steps == result.steps)
        #expect(zip(reports, reports.dropFirst()).allSatisfy { $0.bestScore <= $1.bestScore })
    }
}
