import Allocator
import ArgumentParser
import Foundation

/// How long and how the allocator searches: shared by `praxis solve` and `praxis cbctt solve`.
struct SearchOptions: ParsableArguments {
    @Option(help: "Seconds of local search.")
    var timeLimit: Double = 10

    @Option(help: "Random seed; the same seed with --step-limit gives the same result.")
    var seed: UInt64 = 0

    @Option(help: "Stop after this many local-search steps (deterministic).")
    var stepLimit: Int?

    @Option(
        help:
            "Searches side by side, each on a thread with its own seed (--seed, --seed + 1, …), meeting every tenth of the time to go on from the best of all; the step limit is each search's."
    )
    var searches: Int = 1

    func validate() throws {
        guard timeLimit >= 0 else {
            throw ValidationError("The --time-limit (\(timeLimit)) must be 0 or more seconds.")
        }
        guard (1...8).contains(searches) else {
            throw ValidationError("The --searches (\(searches)) must be from 1 to 8.")
        }
    }

    /// A solver with these limits and this seed.
    var solver: Solver {
        let termination = Termination(timeLimit: .milliseconds(Int(timeLimit * 1000)), stepLimit: stepLimit)
        return Solver(configuration: SolverConfiguration(seed: seed, termination: termination, searches: searches))
    }
}
