import Testing

@testable import Allocator

@Suite("sessions whose length depends on their start (blocks of bell periods)")
struct PeriodDurationTests {
    /// A session of a 3-slot block at 0 or a 5-slot block at 3 (its `duration` is the longest).
    static let block = Session(name: "periods", duration: 5, allowedStarts: [0, 3], durations: [3, 5])

    @Test("a block occupies its own length: one ending at 3 does not clash with a session from 3")
    func ownLength() throws {
        let problem = smallProblem(slots: 10, sessions: [Self.block, Session(name: "after", duration: 2)])
        #expect(
            try penalty(
                .resourceCapacity, problem, [Assignment(start: 0, resource: 0), Assignment(start: 3, resource: 0)]) == 0
        )
        // from 3 it lasts 5 slots and meets a session at 7
        #expect(
            try penalty(
                .resourceCapacity, problem, [Assignment(start: 3, resource: 0), Assignment(start: 7, resource: 0)]) == 1
        )
        #expect(Self.block.duration(at: 0) == 3 && Self.block.duration(at: 3) == 5 && Self.block.duration(at: 1) == 5)
    }

    @Test("the solver keeps a block's length when placing it beside others")
    func solved() throws {
        // one resource, one 8-slot day: the 3-slot block at 0 and a pinned session at 3 fit together
        var problem = smallProblem(sessions: [Self.block, Session(name: "fixed", duration: 5, allowedStarts: [3])])
        problem.pinned = [1: Assignment(start: 3, resource: 0)]
        let configuration = SolverConfiguration(seed: 1, termination: Termination(stepLimit: 50), assertFullScore: true)
        let result = try Solver(configuration: configuration).solve(problem)
        #expect(result.score.hard == 0)
        #expect(result.solution.assignments[0] == Assignment(start: 0, resource: 0))
    }

    @Test("durations must match the allowed starts and stay within the duration")
    func validated() throws {
        var bad = Self.block
        bad.durations = [3]
        #expect(throws: AllocatorError.self) { _ = try CompiledProblem(smallProblem(sessions: [bad])) }
        bad.durations = [3, 6]
        #expect(throws: AllocatorError.self) { _ = try CompiledProblem(smallProblem(sessions: [bad])) }
    }
}
