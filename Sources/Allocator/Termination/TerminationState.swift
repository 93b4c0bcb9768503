/// The running state of a ``Termination`` during one solve: start time, last clock reading, and the
/// decision and time gradient derived from them.
struct TerminationState {
    let termination: Termination
    let startTime: Duration
    private(set) var elapsed: Duration = .zero
    private(set) var cancelled = false

    init(_ termination: Termination) {
        self.termination = termination
        startTime = termination.clock.now()
    }

    /// Reads the clock and the cancellation closure.
    mutating func refresh() {
        elapsed = termination.clock.now() - startTime
        if let isCancelled = termination.isCancelled, isCancelled() { cancelled = true }
    }

    /// Whether to stop, given the step count, the steps since the last improvement and the best score.
    func shouldStop(
        steps: Int, unimprovedSteps: Int, bestScore: Score = Score(hard: .min, medium: .min, soft: .min)
    )
        -> Bool
    {
        if cancelled || bestScore == .zero { return true }
        if let limit = termination.bestScoreLimit, bestScore >= limit { return true }
        if let limit = termination.timeLimit, elapsed >= limit { return true }
        if let limit = termination.stepLimit, steps >= limit { return true }
        if let limit = termination.unimprovedStepLimit, unimprovedSteps >= limit { return true }
        return false
    }

    /// Progress towards the time or step limit, in [0, 1]; 0 when neither is set.
    func timeGradient(steps: Int) -> Double {
        var gradient = 0.0
        if let limit = termination.timeLimit, limit > .zero {
            gradient = max(gradient, elapsed / limit)
        }
        if let limit = termination.stepLimit, limit > 0 {
            gradient = max(gradient, Double(steps) / Double(limit))
        }
        return min(1, gradient)
    }
}
