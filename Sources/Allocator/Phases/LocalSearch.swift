// Local search (Timefold's DefaultLocalSearchPhase with one move per step, as in simulated annealing):
//
//   loop:
//     every checkInterval steps: read clock; stop if a limit is reached (a best-score limit included) or
//                                the phase's share of the time gradient is used;
//                                searches side by side: meet the others at each meeting point passed
//                                (Rendezvous.swift), continuing from the best of all when it is better;
//                                update the acceptor's gradient (rescaled to the phase); report progress when due
//     every AdaptiveMix.interval steps, with adaptive moves: reweigh the neighbourhood's mix
//     move ← neighbourhood.next();  step += 1
//     main phase, nothing broken, the move takes a session onto a busy cohort, instructor or full
//     resource (it would break a hard constraint): refuse it unscored, unless a draw falls within the
//     acceptor's chance of accepting one hard violation's weight; evaluated += 1
//     else if move is possible: do it; evaluated += 1
//        if acceptor accepts its cost (a clash that passed the draw: its cost less one hard violation's
//        weight, the draw having priced that part): keep it; if score > best: best ← solution (recall);
//                                      a feasibility phase stops here once nothing is broken or unplaced
//        else: undo it
//     acceptor.stepEnded(current cost)

/// Improves a solution by random moves under an ``Acceptor`` until the termination says stop,
/// remembering the best solution seen.
struct LocalSearch<A: Acceptor> {
    var acceptor: A
    let neighbourhood: Neighbourhood
    /// Scalar cost weights of hard, medium and soft penalties.
    let weights: (hard: Double, medium: Double, soft: Double)
    /// The phase ends when the termination's time gradient reaches this.
    var gradientEnd = 1.0
    /// The phase ends as soon as no hard constraint is broken and no session is unplaced.
    var stopWhenFeasible = false
    /// This search's place among searches side by side; `nil` when it runs alone.
    var rendezvous: Rendezvous?
    /// While no hard constraint is broken, a move taking a session onto a busy cohort, instructor or full
    /// resource is refused without scoring it, except with the acceptor's chance of accepting a move worse by
    /// one hard violation's weight (the main phase: with the default hard weight that chance is 0, and a
    /// feasible solution is never traded for soft; with a lower weight a hot search may cross a clash).
    var refusesClashes = false

    /// Runs until the termination or the phase's own end stops it.
    /// - Parameters:
    ///   - outcome: Step counters, carried over from earlier phases.
    ///   - recaller: Receives every new best solution.
    /// - Throws: ``AllocatorError`` `scoreCorruption` in assert mode.
    mutating func run(
        _ director: inout ScoreDirector,
        _ termination: inout TerminationState,
        _ random: inout SplitMix64,
        _ recaller: inout BestSolutionRecaller,
        _ outcome: inout LocalSearchOutcome
    ) throws(AllocatorError) {
        if rendezvous?.hasLeft == true { return }
        var calculator = director.calculator
        let interval = max(1, termination.termination.checkInterval)
        let gradientStart = termination.timeGradient(steps: outcome.steps)
        var current = cost(calculator)
        var clashChance = acceptor.chance(ofAccepting: weights.hard)
        while true {
            if let mix = neighbourhood.mix, outcome.steps % AdaptiveMix.interval == 0 { mix.reweigh() }
            if outcome.steps % interval == 0 {
                termination.refresh()
                let gradient = termination.timeGradient(steps: outcome.steps)
                let unimproved = outcome.steps - outcome.lastImprovement
                if termination.shouldStop(
                    steps: outcome.steps,
                    unimprovedSteps: unimproved,
                    bestScore: recaller.bestScore
                )
                    || gradient >= gradientEnd
                {
                    break
                }
                if let rendezvous, rendezvous.isDue(gradient) {
                    if rendezvous.meet(&director, best: recaller, gradient: gradient) { break }
                    calculator = director.calculator
                    current = cost(calculator)
                    _ = recaller.offer(director)
                }
                acceptor.gradientChanged((gradient - gradientStart) / max(1e-9, gradientEnd - gradientStart))
                clashChance = acceptor.chance(ofAccepting: weights.hard)
                recaller.reportIfDue(elapsed: termination.elapsed, steps: outcome.steps, evaluated: outcome.evaluated)
            }
            guard let move = neighbourhood.next(calculator, &random) else { break }
            outcome.steps += 1
            var attempt = try director.attempt(move, refusingClashes: refusesClashes && calculator.totals[0] == 0)
            var priced = 0.0
            if attempt == .clashes && clashChance > 0 && random.unit() < clashChance {
                attempt = try director.attempt(move, refusingClashes: false)
                priced = weights.hard
            }
            if attempt != .impossible { outcome.evaluated += 1 }
            if attempt == .clashes { outcome.refused += 1 }
            if attempt == .done {
                let candidate = cost(calculator)
                if candidate < current { neighbourhood.mix?.lastImproved() }
                if acceptor.isAccepted(current: current + priced, candidate: candidate, random: &random) {
                    current = candidate
                    if recaller.offer(director) { outcome.lastImprovement = outcome.steps }
                    if stopWhenFeasible && calculator.totals[0] == 0 && calculator.totals[1] == 0 { break }
                } else {
                    try director.undoMove()
                }
            }
            acceptor.stepEnded(cost: current)
        }
    }

    /// The scalar cost of the current solution.
    @inline(__always) func cost(_ calculator: ScoreCalculator) -> Double {
        Double(calculator.totals[0]) * weights.hard + Double(calculator.totals[1]) * weights.medium
            + Double(calculator.totals[2]) * weights.soft
    }
}

/// The counters of the local-search phases of a solve.
struct LocalSearchOutcome {
    var steps = 0
    var evaluated = 0
    var refused = 0
    var lastImprovement = 0
}
