// AdaptiveMix: the move weights of a search that adapts them (SolverConfiguration.adaptiveMoves).
//
//   every `interval` steps, for each kind k with a weight above 0:
//     rate(k)   = (moves of kind k that lowered the cost + 1) / (moves of kind k drawn + 100)
//     factor(k) = rate(k) / (the mean rate, weighted by the standard weights), kept within ¼…4
//     weight(k) = standard weight(k) × factor(k), in tenths (at least one tenth)
//   then both counts are halved, so that older moves count less
//
// A kind the problem cannot use keeps weight 0. Until the first reweighing the weights are the standard ones.

/// The move weights of one search, reweighed by how often each kind of move improves (see above).
final class AdaptiveMix {
    /// Steps between two reweighings.
    static let interval = 1 << 20
    /// How far a kind's weight may move from its standard weight, as a factor.
    static let factors = 0.25...4.0
    /// Weights are kept in tenths of the standard units.
    private static let scale = 10

    /// The standard weights, in the order of `MoveWeights.Kind.allCases` (spread last).
    private let standard: [Int]
    /// Cumulative weights in that order.
    private(set) var cumulative: [Int]
    /// The weight of every kind but spread (the last).
    private(set) var othersTotal: Int
    /// The kind of the move drawn last; `nil` when it was drawn without a kind (an unplaced session's place).
    var lastKind: Int?
    private var drawn: [Double]
    private var improving: [Double]

    /// A mix starting at `standard` (weights in the order of `MoveWeights.Kind.allCases`).
    init(standard: [Int]) {
        self.standard = standard
        drawn = Array(repeating: 0, count: standard.count)
        improving = drawn
        (cumulative, othersTotal) = Self.cumulated(standard.map { $0 * Self.scale })
    }

    /// Counts a move of kind `index` drawn.
    func drew(_ index: Int) {
        lastKind = index
        drawn[index] += 1
    }

    /// Counts the move drawn last as one that lowered the cost.
    func lastImproved() {
        if let lastKind { improving[lastKind] += 1 }
    }

    /// Sets every kind's weight from its rate of improving moves since the last reweighing (halved before).
    func reweigh() {
        let rates = standard.indices.map { (improving[$0] + 1) / (drawn[$0] + 100) }
        let used = standard.indices.filter { standard[$0] > 0 }
        let mean =
            used.reduce(0.0) { $0 + rates[$1] * Double(standard[$1]) }
            / Double(max(1, used.reduce(0) { $0 + standard[$1] }))
        let weights = standard.indices.map { kind -> Int in
            guard standard[kind] > 0 else { return 0 }
            let factor = min(Self.factors.upperBound, max(Self.factors.lowerBound, rates[kind] / mean))
            return max(1, Int((Double(standard[kind]) * factor * Double(Self.scale)).rounded()))
        }
        (cumulative, othersTotal) = Self.cumulated(weights)
        for kind in standard.indices {
            drawn[kind] /= 2
            improving[kind] /= 2
        }
    }

    /// The running sums of `weights`, and the sum of all but the last.
    private static func cumulated(_ weights: [Int]) -> ([Int], Int) {
        var running = 0
        let cumulative = weights.map { weight in
            running += weight
            return running
        }
        return (cumulative, running - (weights.last ?? 0))
    }
}
