/// What a running solve reports through its progress callback.
public struct SolverProgress: Sendable, Hashable {
    /// The best score so far.
    public var bestScore: Score
    /// Local-search steps taken.
    public var steps: Int
    /// Moves evaluated (steps whose move was possible).
    public var movesEvaluated: Int
    /// Time since the solve started.
    public var elapsed: Duration

    /// Creates a progress report.
    public init(bestScore: Score, steps: Int, movesEvaluated: Int, elapsed: Duration) {
        self.bestScore = bestScore
        self.steps = steps
        self.movesEvaluated = movesEvaluated
        self.elapsed = elapsed
    }

    /// Moves evaluated per second of elapsed time.
    public var movesPerSecond: Double {
        let seconds = elapsed / .seconds(1)
        return seconds > 0 ? Double(movesEvaluated) / seconds : 0
    }
}
