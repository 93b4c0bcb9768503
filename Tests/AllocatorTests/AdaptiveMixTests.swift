import Testing

@testable import Allocator

@Suite("a move mix that adapts")
struct AdaptiveMixTests {
    /// The weight of each kind, from a mix's cumulative weights.
    private func weights(_ mix: AdaptiveMix) -> [Int] {
        mix.cumulative.indices.map { mix.cumulative[$0] - ($0 == 0 ? 0 : mix.cumulative[$0 - 1]) }
    }

    @Test("it starts at the standard weights, in tenths; spread (last) is left out of the others' total")
    func start() {
        let mix = AdaptiveMix(standard: [40, 10, 0, 25])
        #expect(weights(mix) == [400, 100, 0, 250])
        #expect(mix.othersTotal == 500)
    }

    @Test("a kind that improves more often gains weight, one that never does loses it, within ¼ to 4 times")
    func reweighs() {
        let mix = AdaptiveMix(standard: [10, 10, 10, 10, 10, 0, 10])
        for step in 0..<10_000 {
            for kind in [0, 1, 2, 3, 4, 6] { mix.drew(kind) }
            mix.drew(0)
            mix.lastImproved()  // every move of kind 0 improves
            mix.drew(3)
            if step % 3 == 0 { mix.lastImproved() }  // a third of kind 3's; kinds 1, 2, 4 and 6 never improve
        }
        mix.reweigh()
        let reweighed = weights(mix)
        #expect(reweighed[0] == 400)  // about 4.5 times the mean rate: capped at 4 × 100 tenths
        #expect(reweighed[1] == 25 && reweighed[2] == 25 && reweighed[4] == 25)  // floored at ¼
        #expect(reweighed[3] > 100 && reweighed[3] < 400)
        #expect(reweighed[5] == 0)  // a kind the problem cannot use stays unused
        #expect(mix.othersTotal == reweighed.dropLast().reduce(0, +))
    }

    @Test("with nothing counted, or the same rate for every kind, the weights stay the standard ones")
    func evenRates() {
        let mix = AdaptiveMix(standard: [40, 10, 25])
        mix.reweigh()
        #expect(weights(mix) == [400, 100, 250])
        for _ in 0..<1_000 {
            for kind in 0..<3 {
                mix.drew(kind)
                mix.lastImproved()
            }
        }
        mix.reweigh()
        #expect(weights(mix) == [400, 100, 250])
    }

    @Test("a move drawn without a kind (an unplaced session's place) counts for none")
    func noKind() {
        let mix = AdaptiveMix(standard: [10, 10])
        mix.drew(0)
        mix.lastKind = nil
        for _ in 0..<1_000 { mix.lastImproved() }
        mix.reweigh()
        #expect(weights(mix) == [100, 100])
    }

    @Test("a solve whose mix adapts keeps the incremental score equal to a full rescore, and is repeatable")
    func solve() throws {
        func solved(steps: Int, assertFullScore: Bool) throws -> SolverResult {
            let configuration = SolverConfiguration(
                seed: 9, termination: Termination(stepLimit: steps), adaptiveMoves: true,
                assertFullScore: assertFullScore)
            return try Solver(configuration: configuration).solve(RandomProblem.make(seed: 6))
        }
        #expect(try solved(steps: 3_000, assertFullScore: true).steps > 0)
        let first = try solved(steps: 50_000, assertFullScore: false)
        let second = try solved(steps: 50_000, assertFullScore: false)
        #expect(first.solution == second.solution && first.score == second.score)
    }
}
