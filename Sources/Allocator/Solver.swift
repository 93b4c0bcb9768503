// Solver:
//
//   compile the problem (domains, flags); validate
//   solution ← pinned assignments (+ the previous solution where still valid, for least change)
//   construction heuristic: place the rest, most constrained first, best place first
//   local search under the acceptor until the termination stops it; recall the best solution
//   (with `searches` > 1: that many differently seeded searches side by side, meeting to share the best;
//   Solver+Searches.swift)
//   seat allocation: shared-employee courses under their minimum enrolment are unplaced
//   report progress a last time; return the best solution and its score

/// Plans a ``Problem``: construction heuristic, then local search, then shared-employee seat allocation.
///
/// A solve is synchronous; run it on a thread of its own. With ``SolverConfiguration/searches`` above 1
/// it starts that many searches, each on a thread, the calling one included.
public struct Solver {
    /// How to run.
    public var configuration: SolverConfiguration

    /// Creates a solver.
    public init(configuration: SolverConfiguration = SolverConfiguration()) {
        self.configuration = configuration
    }

    /// Solves a problem.
    /// - Parameters:
    ///   - problem: The problem.
    ///   - progress: Called with the best score so far, at most once per progress interval, and at the end.
    /// - Returns: The best solution, its score and statistics.
    /// - Throws: ``AllocatorError`` when the problem is invalid, or on score corruption in assert mode.
    public func solve(
        _ problem: Problem, progress: ((SolverProgress) -> Void)? = nil
    ) throws(AllocatorError)
        -> SolverResult
    {
        if configuration.searches > 1 && configuration.termination.hasLimit {
            return try solveSideBySide(problem, progress: progress)
        }
        return try search(problem, progress: progress, rendezvous: nil)
    }

    /// One search: compile, construct, local search (meeting the others at `rendezvous`), seats.
    func search(
        _ problem: Problem, progress: ((SolverProgress) -> Void)?, rendezvous: Rendezvous?
    ) throws(AllocatorError) -> SolverResult {
        defer { rendezvous?.leave() }
        let facts = try CompiledProblem(problem)
        var termination = TerminationState(configuration.termination)
        var random = SplitMix64(seed: configuration.seed)
        var director = ScoreDirector(
            facts,
            solution: initialSolution(facts),
            assertFullScore: configuration.assertFullScore
        )
        try ConstructionHeuristic().run(&director, &random)
        var recaller = BestSolutionRecaller(director, interval: configuration.progressInterval, progress: progress)
        var outcome = LocalSearchOutcome()
        if configuration.termination.hasLimit {
            outcome = try runLocalSearch(&director, &termination, &random, &recaller, rendezvous)
        }
        rendezvous?.leave()
        var best = recaller.bestSolution
        best.unplaceIncompleteRuns(of: problem)
        let allocations = SeatAllocator.allocate(problem, solution: &best)
        let score = ScoreBreakdown(problem: problem, solution: best).score
        termination.refresh()
        recaller.report(elapsed: termination.elapsed, steps: outcome.steps, evaluated: outcome.evaluated)
        return SolverResult(
            solution: best,
            score: score,
            seatAllocations: allocations,
            steps: outcome.steps,
            movesEvaluated: outcome.evaluated,
            movesRefused: outcome.refused,
            elapsed: termination.elapsed
        )
    }

    /// A feasibility phase when construction left the solution infeasible (hard and medium, soft at
    /// ``SolverConfiguration/feasibilitySoftWeight``, the move mix without spread or ruin-and-recreate
    /// moves, annealing at a constant 0.15 so that it converges in steps, not in a share of the time limit; at most
    /// ``SolverConfiguration/feasibilityShare`` of the time), then the main phase on the full cost. While
    /// nothing is broken, the main phase refuses unscored a move taking a session onto a busy cohort,
    /// instructor or full resource, but for the acceptor's chance of accepting one hard violation (none at
    /// the default hard weight).
    private func runLocalSearch(
        _ director: inout ScoreDirector,
        _ termination: inout TerminationState,
        _ random: inout SplitMix64,
        _ recaller: inout BestSolutionRecaller,
        _ rendezvous: Rendezvous?
    ) throws(AllocatorError) -> LocalSearchOutcome {
        let adaptive = configuration.adaptiveMoves
        let neighbourhood = Neighbourhood(director.facts, weights: configuration.moveWeights, adaptive: adaptive)
        var outcome = LocalSearchOutcome()
        let calculator = director.calculator
        if calculator.totals[0] > 0 || calculator.totals[1] > 0 {
            var mending = configuration.moveWeights
            mending[.spread] = 0  // a spread mends soft cost only
            mending[.ruinAndRecreate] = 0  // rebuilds placed sessions' days for soft cost, places none
            var feasibility = LocalSearch(
                acceptor: SimulatedAnnealing(initialTemperature: 0.15, finalTemperature: 0.15),
                neighbourhood: Neighbourhood(director.facts, weights: mending, adaptive: adaptive),
                weights: (1, 1, configuration.feasibilitySoftWeight),
                gradientEnd: configuration.feasibilityShare,
                stopWhenFeasible: true,
                rendezvous: rendezvous
            )
            try feasibility.run(&director, &termination, &random, &recaller, &outcome)
        }
        let weights = (configuration.hardWeight, configuration.mediumWeight, 1.0)
        switch configuration.acceptor {
        case .simulatedAnnealing(let initial, let final):
            var search = LocalSearch(
                acceptor: SimulatedAnnealing(initialTemperature: initial, finalTemperature: final),
                neighbourhood: neighbourhood,
                weights: weights,
                rendezvous: rendezvous,
                refusesClashes: true
            )
            try search.run(&director, &termination, &random, &recaller, &outcome)
        case .lateAcceptance(let length):
            let cost =
                Double(calculator.totals[0]) * weights.0 + Double(calculator.totals[1]) * weights.1
                + Double(calculator.totals[2])
            var search = LocalSearch(
                acceptor: LateAcceptance(length: length, initialCost: cost),
                neighbourhood: neighbourhood,
                weights: weights,
                rendezvous: rendezvous,
                refusesClashes: true
            )
            try search.run(&director, &termination, &random, &recaller, &outcome)
        }
        return outcome
    }

    /// Pinned assignments, plus the previous solution's assignments that are still inside their domains.
    private func initialSolution(_ facts: CompiledProblem) -> Solution {
        var solution = Solution(sessionCount: facts.sessionCount)
        if configuration.startFromPrevious {
            for (session, assignment) in facts.previous.enumerated() {
                if let assignment, facts.canPlace(session, assignment) { solution.assignments[session] = assignment }
            }
        }
        for (session, assignment) in facts.problem.pinned { solution.assignments[session] = assignment }
        return solution
    }
}
