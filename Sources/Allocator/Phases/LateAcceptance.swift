/// Late acceptance hill climbing: a candidate is accepted when it is no worse than the current solution or
/// than the solution kept `length` steps ago.
struct LateAcceptance: Acceptor {
    private var history: [Double]
    private var position = 0

    init(length: Int, initialCost: Double) {
        history = Array(repeating: initialCost, count: max(1, length))
    }

    func gradientChanged(_ gradient: Double) {}

    func isAccepted(current: Double, candidate: Double, random: inout SplitMix64) -> Bool {
        candidate <= current || candidate <= history[position]
    }

    /// 0: late acceptance draws nothing (it takes a worse move only below the late cost, which moves every
    /// step), so a clash stays refused unscored while nothing is broken.
    func chance(ofAccepting worsening: Double) -> Double { 0 }

    mutating func stepEnded(cost: Double) {
        history[position] = cost
        position = position + 1 == history.count ? 0 : position + 1
    }
}
