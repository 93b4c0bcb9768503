// Termination: the solver stops at the first limit reached, checked after every step.
//
//   stop ⇐ elapsed ≥ timeLimit ∨ steps ≥ stepLimit ∨ steps since best ≥ unimprovedStepLimit ∨ isCancelled()
//          ∨ best score ≥ bestScoreLimit (0/0/0, a perfect score, always stops)
//   timeGradient = max(elapsed / timeLimit, steps / stepLimit)  ∈ [0, 1]   (drives the annealing schedule)
//
// The clock and the cancellation closure are read every `checkInterval` steps only, to keep the hot loop cheap.

/// When a solve stops: optional limits on time, steps and steps without improvement, and cancellation.
public struct Termination {
    /// Stop after this much time.
    public var timeLimit: Duration?
    /// Stop after this many local-search steps (a step is one evaluated move).
    public var stepLimit: Int?
    /// Stop after this many steps without a new best solution.
    public var unimprovedStepLimit: Int?
    /// Stop as soon as the best score reaches this (Timefold's `bestScoreLimit`); e.g.
    /// `Score(hard: 0, medium: 0, soft: .min)` stops at the first solution with everything placed and feasible.
    public var bestScoreLimit: Score?
    /// Stop when this returns `true`.
    public var isCancelled: (() -> Bool)?
    /// The time source.
    public var clock: any SolverClock
    /// Steps between two readings of the clock and the cancellation closure.
    public var checkInterval: Int

    /// Creates a termination; with no limit at all the solver runs the construction heuristic only.
    public init(
        timeLimit: Duration? = nil,
        stepLimit: Int? = nil,
        unimprovedStepLimit: Int? = nil,
        bestScoreLimit: Score? = nil,
        isCancelled: (() -> Bool)? = nil,
        clock: any SolverClock = MonotonicClock(),
        checkInterval: Int = 1024
    ) {
        self.timeLimit = timeLimit
        self.stepLimit = stepLimit
        self.unimprovedStepLimit = unimprovedStepLimit
        self.bestScoreLimit = bestScoreLimit
        self.isCancelled = isCancelled
        self.clock = clock
        self.checkInterval = checkInterval
    }

    /// Whether any limit is set.
    public var hasLimit: Bool {
        timeLimit != nil || stepLimit != nil || unimprovedStepLimit != nil || isCancelled != nil
            || bestScoreLimit != nil
    }
}
