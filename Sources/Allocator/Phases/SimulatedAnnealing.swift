#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Simulated annealing: a worse candidate is accepted with probability `exp(-(candidate - current) / T)`,
/// the temperature falling geometrically from `initialTemperature` to `finalTemperature` along the time
/// gradient.
struct SimulatedAnnealing: Acceptor {
    let initialTemperature: Double
    let finalTemperature: Double
    private(set) var temperature: Double

    init(initialTemperature: Double, finalTemperature: Double) {
        self.initialTemperature = initialTemperature
        self.finalTemperature = finalTemperature
        temperature = initialTemperature
    }

    mutating func gradientChanged(_ gradient: Double) {
        temperature = initialTemperature * pow(finalTemperature / initialTemperature, gradient)
    }

    func isAccepted(current: Double, candidate: Double, random: inout SplitMix64) -> Bool {
        let worsening = candidate - current
        if worsening <= 0 { return true }
        if worsening > 30 * temperature { return false }
        return random.unit() < exp(-worsening / temperature)
    }

    func chance(ofAccepting worsening: Double) -> Double {
        worsening > 30 * temperature ? 0 : exp(-worsening / temperature)
    }

    func stepEnded(cost: Double) {}
}
