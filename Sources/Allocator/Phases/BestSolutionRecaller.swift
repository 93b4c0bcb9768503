/// Keeps the best solution seen (by lexicographic ``Score``) and reports progress at most once per interval.
struct BestSolutionRecaller {
    private(set) var bestScore: Score
    private(set) var bestSolution: Solution
    private let progress: ((SolverProgress) -> Void)?
    private let interval: Duration
    private var lastReport: Duration = .zero
    private var unreported = true

    init(_ director: ScoreDirector, interval: Duration, progress: ((SolverProgress) -> Void)?) {
        bestScore = director.score
        bestSolution = director.solution
        self.interval = interval
        self.progress = progress
    }

    /// Copies the director's solution when its score beats the best.
    /// - Returns: whether it was a new best.
    mutating func offer(_ director: ScoreDirector) -> Bool {
        let score = director.score
        guard score > bestScore else { return false }
        bestScore = score
        bestSolution = director.solution
        unreported = true
        return true
    }

    /// Reports progress when there is a new best and the interval has passed since the last report.
    mutating func reportIfDue(elapsed: Duration, steps: Int, evaluated: Int) {
        guard unreported, elapsed - lastReport >= interval else { return }
        report(elapsed: elapsed, steps: steps, evaluated: evaluated)
    }

    /// Reports progress now.
    mutating func report(elapsed: Duration, steps: Int, evaluated: Int) {
        guard let progress else { return }
        lastReport = elapsed
        unreported = false
        progress(SolverProgress(bestScore: bestScore, steps: steps, movesEvaluated: evaluated, elapsed: elapsed))
    }
}
