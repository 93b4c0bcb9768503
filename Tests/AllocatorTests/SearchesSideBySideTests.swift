import Foundation
import Testing

@testable import Allocator

@Suite("searches side by side")
struct SearchesSideBySideTests {
    @Test(
        "two searches with a step limit give the same solution twice, scored as a full rescore",
        arguments: [
            UInt64(3), 4,
        ])
    func deterministic(seed: UInt64) throws {
        let problem = RandomProblem.make(seed: seed, sessions: 40)
        let configuration = SolverConfiguration(
            seed: seed, termination: Termination(stepLimit: 5_120, checkInterval: 256), assertFullScore: true,
            searches: 2)
        let first = try Solver(configuration: configuration).solve(problem)
        let second = try Solver(configuration: configuration).solve(problem)
        #expect(first.solution == second.solution)
        #expect(first.score == second.score)
        #expect(first.score == ScoreBreakdown(problem: problem, solution: first.solution).score)
        // both searches ran their whole step limit
        #expect(first.steps == 10_240)
    }

    @Test("a search other than the first leaves at the first meeting when the machine is busy")
    func busy() throws {
        let problem = RandomProblem.make(seed: 5, sessions: 40)
        let configuration = SolverConfiguration(
            seed: 5, termination: Termination(stepLimit: 5_000, checkInterval: 100), searches: 2, isBusy: { true })
        let result = try Solver(configuration: configuration).solve(problem)
        // the first search's 5,000 steps and the second's until the meeting at a tenth of them
        #expect(result.steps == 5_500)
    }

    @Test("searches that stop at once (a perfect score) do not wait for each other")
    func perfectAtOnce() throws {
        let problem = Problem(
            horizon: Horizon(days: 1, slotsPerDay: 4), resources: [Resource(name: "room", capacity: 1, seats: 10)],
            instructors: [], cohorts: [], organizations: ["a"],
            sessions: [Session(name: "s", duration: 1, participants: 5, organization: 0)])
        let configuration = SolverConfiguration(termination: Termination(timeLimit: .seconds(600)), searches: 3)
        let result = try Solver(configuration: configuration).solve(problem)
        #expect(result.score == .zero)
    }

    @Test("a meeting hands every search the best solution offered; on a tie, the lowest search's")
    func meeting() {
        let meeting = Meeting(searches: 3)
        let solutions = (0..<3).map { Solution(assignments: [Assignment(start: $0, resource: 0)]) }
        let scores = [
            Score(hard: 0, medium: 0, soft: -5), Score(hard: 0, medium: 0, soft: -3),
            Score(hard: 0, medium: 0, soft: -3),
        ]
        let received = Received()
        let group = DispatchGroup()
        for search in 0..<3 {
            group.enter()
            Thread {
                let shared = meeting.meet(search: search, score: scores[search], solution: solutions[search])
                received.set(search, shared.solution)
                group.leave()
            }.start()
        }
        group.wait()
        #expect(received.all == [solutions[1], solutions[1], solutions[1]])
    }
}

/// What each thread of a test received.
private final class Received: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Int: Solution] = [:]

    func set(_ search: Int, _ solution: Solution) {
        lock.lock()
        values[search] = solution
        lock.unlock()
    }

    var all: [Solution] {
        lock.lock()
        defer { lock.unlock() }
        return values.keys.sorted().map { values[$0]! }
    }
}
