/// What a solve returns.
public struct SolverResult: Sendable, Hashable {
    /// The best solution found (after seat allocation).
    public var solution: Solution
    /// Its score.
    public var score: Score
    /// Seat allocation of each shared-employee course, in the order of `Problem.sharedCourses`.
    public var seatAllocations: [SeatAllocation]
    /// Local-search steps taken.
    public var steps: Int
    /// Moves evaluated.
    public var movesEvaluated: Int
    /// Of those, moves refused unscored because they would take a session onto a clash (the main phase).
    public var movesRefused: Int
    /// Time the solve took.
    public var elapsed: Duration

    /// Moves evaluated per second.
    public var movesPerSecond: Double {
        let seconds = elapsed / .seconds(1)
        return seconds > 0 ? Double(movesEvaluated) / seconds : 0
    }
}
