/// Owns the incremental ``ScoreCalculator`` (and through it the current solution) and applies moves
/// atomically with an undo log (Timefold's score director).
///
/// `evaluate` is do, read, undo; the local search instead does a move, reads the score and undoes it only
/// when the acceptor refuses it.
struct ScoreDirector {
    let facts: CompiledProblem
    let calculator: ScoreCalculator
    /// When set, every do and undo is checked against a full rescore.
    let assertFullScore: Bool
    private var changes: [Change] = []
    private var undo: [Change] = []
    /// The totals before the last move done.
    private var totalsBefore: ScoreCalculator.SavedTotals
    private var kempe: KempeChain

    /// A director over `solution` (typically the pinned assignments, or a previous solution).
    init(_ facts: CompiledProblem, solution: Solution, assertFullScore: Bool = false) {
        self.facts = facts
        self.assertFullScore = assertFullScore
        calculator = ScoreCalculator(facts)
        totalsBefore = calculator.savedTotals
        kempe = KempeChain()
        for (session, assignment) in solution.assignments.enumerated() {
            if let assignment { calculator.insert(session, assignment) }
        }
    }

    /// The current score.
    var score: Score { calculator.score }

    /// The changes of the last move done: the moved session first, then any other session it moved.
    var lastChanges: [Change] { changes }

    /// The current solution, built from the calculator's placement tables.
    var solution: Solution {
        Solution(assignments: (0..<facts.sessionCount).map { calculator.assignment(of: $0) })
    }

    /// What ``attempt(_:refusingClashes:)`` did with a move.
    enum Attempt {
        /// Not possible in the current solution; nothing changed.
        case impossible
        /// Refused: it moves a placed session onto a clash (``ScoreCalculator/clashes(_:)``, unscored), or a ruined
        /// session of a ruin and recreate finds no free place; nothing changed.
        case clashes
        /// Done; ``undoMove()`` reverts it.
        case done
    }

    /// Applies a move.
    /// - Returns: `false` (and changes nothing) when the move is not possible.
    /// - Throws: ``AllocatorError`` `scoreCorruption` in assert mode when the scores disagree.
    mutating func doMove(_ move: Move) throws(AllocatorError) -> Bool {
        try attempt(move, refusingClashes: false) == .done
    }

    /// Applies a move, unless it is impossible or, with `refusingClashes`, it certainly moves a placed
    /// session onto a busy cohort, instructor or full resource (when nothing is broken, such a move breaks a
    /// hard constraint; checking that is cheaper than doing and undoing it). A ruin and recreate places only
    /// where nothing clashes, with or without `refusingClashes`.
    /// - Throws: ``AllocatorError`` `scoreCorruption` in assert mode when the scores disagree.
    mutating func attempt(_ move: Move, refusingClashes: Bool) throws(AllocatorError) -> Attempt {
        if case .ruinAndRecreate(let session, let seed) = move {
            let before = calculator.savedTotals
            let attempt = RuinAndRecreate.run(session: session, seed: seed, changes: &changes, undo: &undo, calculator)
            guard attempt != .impossible else { return .impossible }
            totalsBefore = before
            if attempt == .clashes { try undoMove() } else if assertFullScore { try checkScore(after: move) }
            return attempt
        }
        guard move.expand(into: &changes, calculator, &kempe) else { return .impossible }
        if refusingClashes && calculator.clashes(changes) { return .clashes }
        undo.removeAll(keepingCapacity: true)
        for change in changes {
            undo.append(Change(session: change.session, assignment: calculator.assignment(of: change.session)))
        }
        totalsBefore = calculator.savedTotals
        apply(changes, scored: true)
        if assertFullScore { try checkScore(after: move) }
        return .done
    }

    /// Reverts the last move done by ``doMove(_:)`` or ``attempt(_:refusingClashes:)``: the tables unscored,
    /// then the totals saved before the move (most moves the search does are undone).
    /// - Throws: ``AllocatorError`` `scoreCorruption` in assert mode when the scores disagree.
    mutating func undoMove() throws(AllocatorError) {
        apply(undo, scored: false)
        calculator.restore(totalsBefore)
        if assertFullScore { try checkScore(after: nil) }
    }

    /// The score the solution would have after `move`; the solution is left unchanged.
    /// - Returns: `nil` when the move is not possible.
    mutating func evaluate(_ move: Move) throws(AllocatorError) -> Score? {
        guard try doMove(move) else { return nil }
        let after = score
        try undoMove()
        return after
    }

    /// Sets one session's assignment (used by the construction heuristic and the seat allocation).
    mutating func assign(_ session: Int, to assignment: Assignment?) {
        calculator.retract(session)
        if let assignment { calculator.insert(session, assignment) }
    }

    private func apply(_ list: [Change], scored: Bool) {
        for change in list { calculator.retract(change.session, scored: scored) }
        for change in list {
            if let assignment = change.assignment { calculator.insert(change.session, assignment, scored: scored) }
        }
    }

    private func checkScore(after move: Move?) throws(AllocatorError) {
        let expected = ScoreBreakdown(problem: facts.problem, solution: solution).score
        guard expected == score else {
            let step = move.map { "after \($0)" } ?? "after an undo"
            throw .scoreCorruption("The incremental score \(score) differs from the full rescore \(expected) \(step).")
        }
    }
}
