// Acceptors decide whether the local search keeps a move. Costs are scalars, lower is better:
//   cost = hard × hardWeight + medium × mediumWeight + soft            (penalties, all ≥ 0)
// The best solution is still recalled by the lexicographic ``Score``.

/// Decides whether a candidate step is accepted (Timefold's `Acceptor`).
protocol Acceptor {
    /// Called whenever the termination's time gradient is refreshed.
    mutating func gradientChanged(_ gradient: Double)
    /// Whether to move from a solution of cost `current` to one of cost `candidate`.
    mutating func isAccepted(current: Double, candidate: Double, random: inout SplitMix64) -> Bool
    /// The chance, at the current gradient, that a move raising the cost by `worsening` (> 0) is accepted:
    /// the local search scores a clashing move only that often (0: never).
    func chance(ofAccepting worsening: Double) -> Double
    /// Called after every step with the cost of the solution kept.
    mutating func stepEnded(cost: Double)
}
