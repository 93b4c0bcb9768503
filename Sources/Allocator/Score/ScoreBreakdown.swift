/// The score of a solution computed from scratch, constraint by constraint, without the incremental tables.
///
/// This is the reference the incremental ``ScoreCalculator`` is checked against in assert mode, and the
/// per-constraint breakdown of an ``Explanation``.
public struct ScoreBreakdown: Sendable, Hashable {
    /// Unweighted penalty per constraint (violations, unplaced priority, or soft penalty units).
    public var penalties: [ConstraintID: Int64]
    /// The weighted score.
    public var score: Score

    /// Scores `solution` against `problem` from scratch.
    /// - Parameters:
    ///   - problem: A valid problem.
    ///   - solution: One optional assignment per session.
    public init(problem: Problem, solution: Solution) {
        var counter = PenaltyCounter(problem: problem, solution: solution)
        counter.countAll()
        penalties = counter.penalties
        let weights = problem.weights
        var score = Score.zero
        for (constraint, penalty) in penalties {
            switch constraint.level {
            case .hard: score.hard -= penalty
            case .medium: score.medium -= penalty
            case .soft: score.soft -= penalty * Int64(Self.weight(of: constraint, in: weights))
            }
        }
        self.score = score
    }

    /// The weight a soft constraint's penalty is multiplied by (1 for hard and medium ones).
    public static func weight(of constraint: ConstraintID, in weights: SoftWeights) -> Int {
        switch constraint {
        case .preferredTime: weights.preferredTime
        case .seriesTimeStability: weights.seriesTimeStability
        case .roomStability: weights.roomStability
        case .minimumDays: weights.minimumDays
        case .categoryShare: weights.categoryShare
        case .organizationFairness: weights.organizationFairness
        case .roomSize: weights.roomSize
        case .isolatedSlot: weights.isolatedSlot
        case .leastChange: weights.leastChange
        default: 1
        }
    }
}
