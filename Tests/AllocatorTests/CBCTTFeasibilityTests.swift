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

@Suite("the main phase on a CB-CTT instance")
struct CBCTTMainPhaseTests {
    @Test("the main phase refuses clashing moves unscored only at the default hard weight or above, and counts them")
    func refusedMovesAreCounted() throws {
        let problem = try CBCTTBenchmarkFolder.instance("comp01").problem()
        func solve(hardWeight: Double) throws -> SolverResult {
            var configuration = SolverConfiguration(seed: 3, termination: Termination(stepLimit: 200_000))
            configuration.hardWeight = hardWeight
            return try Solver(configuration: configuration).solve(problem)
        }
        let refusing = try solve(hardWeight: SolverConfiguration.defaultHardWeight)
        #expect(refusing.movesRefused > 0)
        #expect(refusing.movesRefused < refusing.movesEvaluated)
        #expect(try solve(hardWeight: 10).movesRefused == 0)
    }
}

@Suite("the feasibility phase on a CB-CTT instance")
struct CBCTTFeasibilityPhaseTests {
    @Test("weighing soft cost in the feasibility phase reaches feasibility with less of it than a random walk")
    func softWeightInFeasibility() throws {
        let problem = try CBCTTBenchmarkFolder.instance("comp05").problem()
        func firstFeasibleSoft(weight: Double, seed: UInt64) throws -> Int64 {
            let configuration = SolverConfiguration(
                seed: seed,
                termination: Termination(stepLimit: 2_000_000, bestScoreLimit: Score(hard: 0, medium: 0, soft: .min)),
                feasibilitySoftWeight: weight,
                feasibilityShare: 1
            )
            let result = try Solver(configuration: configuration).solve(problem)
            #expect(result.score.hard == 0 && result.score.medium == 0, "\(result.score)")
            return -result.score.soft
        }
        let seeds: [UInt64] = [1, 2, 3]
        let walked = try seeds.map { try firstFeasibleSoft(weight: 0, seed: $0) }
        let weighed = try seeds.map { try firstFeasibleSoft(weight: 0.01, seed: $0) }
        #expect(weighed.reduce(0, +) < walked.reduce(0, +), "weighed \(weighed), walked \(walked)")
    }
}
