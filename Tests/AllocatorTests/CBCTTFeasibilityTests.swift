import Allocator
import Testing

@Suite("CB-CTT benchmark instances reach feasibility")
struct CBCTTFeasibilityTests {
    static let instances = (1...21).map { "comp" + ($0 < 10 ? "0" : "") + String($0) }

    @Test("every instance reaches hard = 0 with every lecture placed under a step limit", arguments: instances)
    func feasible(name: String) throws {
        let instance = try CBCTTBenchmarkFolder.instance(name)
        let configuration = SolverConfiguration(
            seed: 1,
            termination: Termination(stepLimit: 500_000, bestScoreLimit: Score(hard: 0, medium: 0, soft: .min)),
            feasibilityShare: 1
        )
        let result = try Solver(configuration: configuration).solve(instance.problem())
        #expect(result.score.hard == 0, "\(name): \(result.score)")
        #expect(result.score.medium == 0, "\(name): \(result.score)")
    }
}
