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
    @Test(
        "the main phase refuses clashing moves unscored but for the annealing's chance of accepting one hard violation")
    func refusedMovesAreCounted() throws {
        let problem = try CBCTTBenchmarkFolder.instance("comp01").problem()
        let standard = SolverConfiguration.defaultHardWeight
        func solve(hardWeight: Double, temperature: Double) throws -> SolverResult {
            var configuration = SolverConfiguration(seed: 3, termination: Termination(stepLimit: 200_000))
            configuration.hardWeight = hardWeight
            configuration.acceptor = .simulatedAnnealing(initialTemperature: temperature, finalTemperature: temperature)
            return try Solver(configuration: configuration).solve(problem)
        }
        let refusing = try solve(hardWeight: standard, temperature: 3)
        #expect(refusing.movesRefused > 0)
        #expect(refusing.movesRefused < refusing.movesEvaluated)
        // A violation weighing 10 is out of a cold annealing's reach (chance 0): the same search step for step.
        let cold = try solve(hardWeight: 10, temperature: 0.2)
        let coldStandard = try solve(hardWeight: standard, temperature: 0.2)
        #expect(cold.solution == coldStandard.solution)
        #expect(cold.movesRefused == coldStandard.movesRefused && cold.movesRefused > 0)
        // A hot one scores about exp(-10 / 20) ≈ 61% of them, and scores every move once a clash is kept.
        let hot = try solve(hardWeight: 10, temperature: 20)
        let hotStandard = try solve(hardWeight: standard, temperature: 20)
        #expect(hot.movesRefused < hotStandard.movesRefused / 2, "\(hot.movesRefused) of \(hotStandard.movesRefused)")
        #expect(hot.score.hard == 0, "the best solution recalled stays feasible: \(hot.score)")
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
