// Local search (Timefold's DefaultLocalSearchPhase with one move per step, as in simulated annealing):
//
//   loop:
//     every checkInterval steps: read clock; stop if a limit is reached; update the acceptor's gradient;
//                                report progress when due
//     move ← neighbourhood.next();  step += 1
//     if move is possible: do it; evaluated += 1
//        if acceptor accepts its cost: keep it; if score > best: best ← solution (recall)
//        else: undo it
//     acceptor.stepEnded(current cost)

/// Improves a solution by random moves under an ``Acceptor`` until the termination says stop,
/// remembering the best solution seen.
struct LocalSearch<A: Acceptor> {
    var acceptor: A
    let neighbourhood: Neighbourhood
    let hardWeight: Double
    let mediumWeight: Double

    /// Runs until the termination stops it.
    /// - Parameters:
    ///   - recaller: Receives every new best solution.
    /// - Throws: ``AllocatorError`` `scoreCorruption` in assert mode.
    mutating func run(
        _ director: inout ScoreDirector,
        _ termination: inout TerminationState,
        _ random: inout SplitMix64,
        _ recaller: inout BestSolutionRecaller
    ) throws(AllocatorError) -> LocalSearchOutcome {
        var outcome = LocalSearchOutcome()
        var lastImprovement = 0
        let calculator = director.calculator
        let interval = max(1, termination.termination.checkInterval)
        var current = cost(calculator)
        while true {
            if outcome.steps % interval == 0 {
                termination.refresh()
                if termination.shouldStop(steps: outcome.steps, unimprovedSteps: outcome.steps - lastImprovement) {
                    break
                }
                acceptor.gradientChanged(termination.timeGradient(steps: outcome.steps))
                recaller.reportIfDue(elapsed: termination.elapsed, steps: outcome.steps, evaluated: outcome.evaluated)
            }
            guard let move = neighbourhood.next(calculator, &random) else { break }
            outcome.steps += 1
            if try director.doMove(move) {
                outcome.evaluated += 1
                let candidate = cost(calculator)
                if acceptor.isAccepted(current: current, candidate: candidate, random: &random) {
                    current = candidate
                    if recaller.offer(director) { lastImprovement = outcome.steps }
                } else {
                    try director.undoMove()
                }
            }
            acceptor.stepEnded(cost: current)
        }
        return outcome
    }

    @inline(__always) private func cost(_ calculator: ScoreCalculator) -> Double {
        Double(calculator.totals[0]) * hardWeight + Double(calculator.totals[1]) * mediumWeight
            + Double(calculator.totals[2])
    }
}

/// The counters a local-search run ends with.
struct LocalSearchOutcome {
    var steps = 0
    var evaluated = 0
}
