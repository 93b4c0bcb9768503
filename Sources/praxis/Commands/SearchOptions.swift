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

    @Option(help: "Simulated annealing's temperature at the start of the search, in soft-score units.")
    var initialTemperature = SolverConfiguration.defaultTemperatures.initial

    @Option(help: "Simulated annealing's temperature at the end of the search, in soft-score units.")
    var finalTemperature = SolverConfiguration.defaultTemperatures.final

    @Option(help: "What one broken hard constraint costs the search, in soft-score units.")
    var hardWeight = SolverConfiguration.defaultHardWeight

    @Option(
        help:
            "What one unit of soft cost weighs while the search mends broken hard constraints first, where one of them weighs 1 (0: the soft cost is ignored then)."
    )
    var feasibilitySoftWeight = SolverConfiguration.defaultFeasibilitySoftWeight

    @Option(
        name: .customLong("move-weight"),
        help: ArgumentHelp(
            "How often the search draws a kind of move, relative to the others (repeatable).",
            discussion: "Kinds and their standard weights: "
                + MoveWeights.Kind.allCases.map { "\($0.rawValue)=\(MoveWeights.standard[$0])" }.joined(
                    separator: ", ") + ".",
            valueName: "kind=weight"),
        transform: MoveWeightSetting.init(parsing:))
    var moveWeightSettings: [MoveWeightSetting] = []

    @Flag(
        help:
            "Reweigh the kinds of move as the search goes, by how often each lowers the cost (within ¼ to 4 times its weight)."
    )
    var adaptiveMoves = false

    /// The standard move weights with the `--move-weight` settings applied.
    var moveWeights: MoveWeights {
        moveWeightSettings.reduce(into: .standard) { weights, setting in weights[setting.kind] = setting.weight }
    }

    func validate() throws {
        guard timeLimit >= 0 else {
            throw ValidationError("The --time-limit (\(timeLimit)) must be 0 or more seconds.")
        }
        guard (1...8).contains(searches) else {
            throw ValidationError("The --searches (\(searches)) must be from 1 to 8.")
        }
        guard finalTemperature > 0, initialTemperature >= finalTemperature, initialTemperature.isFinite else {
            throw ValidationError(
                "The --final-temperature (\(finalTemperature)) must be above 0 and at most the --initial-temperature (\(initialTemperature))."
            )
        }
        guard hardWeight > 0, hardWeight.isFinite else {
            throw ValidationError("The --hard-weight (\(hardWeight)) must be above 0.")
        }
        guard (0...1).contains(feasibilitySoftWeight) else {
            throw ValidationError("The --feasibility-soft-weight (\(feasibilitySoftWeight)) must be from 0 to 1.")
        }
        guard moveWeights.canMove else {
            throw ValidationError(
                "The --move-weight settings give every kind of move weight 0; the search could not move.")
        }
    }

    /// A solver with these limits and this seed.
    var solver: Solver {
        let termination = Termination(timeLimit: .milliseconds(Int(timeLimit * 1000)), stepLimit: stepLimit)
        let acceptor = SolverConfiguration.AcceptorKind.simulatedAnnealing(
            initialTemperature: initialTemperature, finalTemperature: finalTemperature)
        return Solver(
            configuration: SolverConfiguration(
                seed: seed, termination: termination, acceptor: acceptor, hardWeight: hardWeight,
                moveWeights: moveWeights, adaptiveMoves: adaptiveMoves, feasibilitySoftWeight: feasibilitySoftWeight,
                searches: searches))
    }
}

/// One `--move-weight kind=weight` setting.
struct MoveWeightSetting {
    var kind: MoveWeights.Kind
    var weight: Int

    /// Parses `kind=weight`.
    /// - Throws: `ValidationError` naming the rule broken.
    init(parsing argument: String) throws {
        let parts = argument.split(separator: "=", omittingEmptySubsequences: false)
        guard parts.count == 2, let kind = MoveWeights.Kind(rawValue: String(parts[0])) else {
            let kinds = MoveWeights.Kind.allCases.map(\.rawValue).joined(separator: ", ")
            throw ValidationError("a setting is kind=weight, the kind one of \(kinds)")
        }
        guard let weight = Int(parts[1]), (0...MoveWeights.maximum).contains(weight) else {
            throw ValidationError("the weight must be a whole number from 0 to \(MoveWeights.maximum)")
        }
        (self.kind, self.weight) = (kind, weight)
    }
}
