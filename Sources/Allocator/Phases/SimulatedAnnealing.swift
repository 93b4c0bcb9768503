#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Simulated annealing: a worse candidate is accepted with probability `exp(-(candidate - current) / T)`,
/// the temperature falling geometrically from `initialTemperature` to `finalTemperature` along the time
/// gradient. After a restart from the best solution (a reheat) it falls again, from the temperature at which
/// that best was found, to `finalTemperature` over the rest of the gradient.
struct SimulatedAnnealing: Acceptor {
    let initialTemperature: Double
    let finalTemperature: Double
    private(set) var temperature: Double
    /// The schedule's start: the initial temperature at gradient 0, or the reheat temperature at a restart.
    private var scheduleStart = (temperature: 0.0, gradient: 0.0)
    private var temperatureAtBest: Double

    init(initialTemperature: Double, finalTemperature: Double) {
        self.initialTemperature = initialTemperature
        self.finalTemperature = finalTemperature
        temperature = initialTemperature
        temperatureAtBest = initialTemperature
        scheduleStart = (initialTemperature, 0)
    }

    mutating func gradientChanged(_ gradient: Double) {
        let share = (gradient - scheduleStart.gradient) / max(1e-9, 1 - scheduleStart.gradient)
        temperature = scheduleStart.temperature * pow(finalTemperature / scheduleStart.temperature, min(1, share))
    }

    mutating func bestImproved() { temperatureAtBest = temperature }

    mutating func restarted(gradient: Double, cost: Double) {
        scheduleStart = (max(temperatureAtBest, finalTemperature), gradient)
        temperature = scheduleStart.temperature
    }

    func isAccepted(current: Double, candidate: Double, random: inout SplitMix64) -> Bool {
        let worsening = candidate - current
        if worsening <= 0 { return true }
        if worsening > 30 * temperature { return false }
        return random.unit() < exp(-worsening / temperature)
    }

    func stepEnded(cost: Double) {}
}
