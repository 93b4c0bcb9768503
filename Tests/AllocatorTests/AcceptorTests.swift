import Testing

@testable import Allocator

@Suite("acceptors")
struct AcceptorTests {
    @Test("annealing cools geometrically, and a restart reheats to the temperature of the last best")
    func annealingReheat() {
        var annealing = SimulatedAnnealing(initialTemperature: 4, finalTemperature: 0.25)
        annealing.gradientChanged(0.5)
        #expect(abs(annealing.temperature - 1) < 1e-9)
        annealing.bestImproved()
        annealing.gradientChanged(0.75)
        #expect(abs(annealing.temperature - 0.5) < 1e-9)
        annealing.restarted(gradient: 0.75, cost: 10)
        #expect(abs(annealing.temperature - 1) < 1e-9)
        annealing.gradientChanged(1)
        #expect(abs(annealing.temperature - 0.25) < 1e-9)
    }

    @Test("late acceptance forgets its history at a restart")
    func lateAcceptanceRestart() {
        var late = LateAcceptance(length: 3, initialCost: 100)
        var random = SplitMix64(seed: 1)
        #expect(late.isAccepted(current: 10, candidate: 90, random: &random))
        late.restarted(gradient: 0.5, cost: 10)
        #expect(!late.isAccepted(current: 10, candidate: 90, random: &random))
    }
}
