import Testing

@testable import Allocator

@Suite("construction at scale: sampled domains and the session-pair bit matrix")
struct ConstructionScaleTests {
    @Test("the bit matrix relates exactly the sessions some group holds together", arguments: [1, 2, 3] as [UInt64])
    func sessionPairs(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let count = 150
        let groups = (0..<12).map { _ in (0..<random.below(30)).map { _ in random.below(count) } }
        let pairs = SessionPairs(count: count, groups: groups)
        for one in 0..<count {
            let expected = (0..<count).filter { other in
                other != one && groups.contains { $0.contains(one) && $0.contains(other) }
            }
            #expect(Array(pairs.members(of: one)) == expected, "seed \(seed) session \(one)")
            #expect(expected.allSatisfy { pairs.contains(one, $0) && pairs.contains($0, one) })
        }
    }

    @Test(
        "a construction that samples every domain keeps the incremental score equal to a full rescore",
        arguments: PropertyTests.seeds)
    func sampledConstruction(seed: UInt64) throws {
        let problem = RandomProblem.make(seed: seed)
        var director = ScoreDirector(
            try CompiledProblem(problem), solution: Solution(sessionCount: problem.sessions.count),
            assertFullScore: true)
        var random = SplitMix64(seed: seed)
        try ConstructionHeuristic(placeLimit: 3, visitLimit: 20, repairPlaceLimit: 2).run(&director, &random)
        #expect(director.solution.assignments.contains { $0 != nil }, "seed \(seed): nothing placed")
        #expect(director.score == ScoreBreakdown(problem: problem, solution: director.solution).score)
    }
}
