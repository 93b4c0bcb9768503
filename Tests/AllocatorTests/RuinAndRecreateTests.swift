import Testing

@testable import Allocator

@Suite("ruin and recreate")
struct RuinAndRecreateTests {
    /// Two days of 8 slots, one room. a, b and c (cohort 0) sit apart on day 0 at slots 0, 2 and 4; d (cohort 1)
    /// holds the room at slot 1; e (cohort 0) sits alone on day 1 at slot 13. Every one of them is isolated.
    private func director() throws -> ScoreDirector {
        let problem = smallProblem(
            days: 2, cohorts: 2,
            sessions: [
                Session(name: "a", duration: 1, cohorts: [0]), Session(name: "b", duration: 1, cohorts: [0]),
                Session(name: "c", duration: 1, cohorts: [0]), Session(name: "d", duration: 1, cohorts: [1]),
                Session(name: "e", duration: 1, cohorts: [0]),
            ])
        var solution = Solution(sessionCount: 5)
        solution.assignments = [0, 2, 4, 1, 13].map { Assignment(start: $0, resource: 0) }
        return ScoreDirector(try CompiledProblem(problem), solution: solution, assertFullScore: true)
    }

    @Test(
        "a cohort's scattered day is rebuilt around its other lectures; the rest stays, and undo restores it",
        arguments: [1, 2, 3, 4] as [UInt64])
    func rebuildsTheDay(seed: UInt64) throws {
        var director = try director()
        let (before, score) = (director.solution, director.score)
        #expect(score.soft == -5)
        #expect(try director.doMove(.ruinAndRecreate(session: 1, seed: seed)))
        #expect(director.lastChanges.map(\.session).sorted() == [0, 1, 2])
        let after = director.solution.assignments
        #expect(after[3] == before.assignments[3] && after[4] == before.assignments[4])
        #expect(director.score.hard == 0)
        #expect(director.score.soft == -1, "only d stays isolated: \(after)")
        let slots = ([0, 1, 2, 4].compactMap { after[$0]?.start }).sorted()
        #expect(slots.last! - slots.first! == 3, "four consecutive slots around e: \(slots)")
        try director.undoMove()
        #expect(director.solution == before)
        #expect(director.score == score)
    }

    @Test(
        "with more starts than a ruined session tries, the incremental score still equals a full rescore",
        arguments: [1, 2, 3] as [UInt64])
    func manyStarts(seed: UInt64) throws {
        var problem = RandomProblem.make(seed: seed)
        problem.horizon = Horizon(days: 16, slotsPerDay: 6, daysPerWeek: 2)
        let facts = try CompiledProblem(problem)
        #expect(facts.candidateStarts.contains { $0.count > RuinAndRecreate.maximumStarts })
        var weights = MoveWeights.standard
        for kind in MoveWeights.Kind.allCases { weights[kind] = kind == .ruinAndRecreate ? 1 : 0 }
        try checkMovesKeepScore(problem, seed: seed, weights: weights)
    }

    /// One day of 3 slots, one room: a (1 slot) at 0 and b (2 slots) at 1, both of cohort 0. Rebuilt with a
    /// first, a may take slot 1, which leaves b no two free slots: the move is refused, not made with a clash.
    @Test("a rebuild in which a ruined session finds no free place is refused and changes nothing")
    func noFreePlaceRefused() throws {
        let problem = smallProblem(
            slots: 3, cohorts: 1,
            sessions: [Session(name: "a", duration: 1, cohorts: [0]), Session(name: "b", duration: 2, cohorts: [0])])
        var solution = Solution(sessionCount: 2)
        solution.assignments = [Assignment(start: 0, resource: 0), Assignment(start: 1, resource: 0)]
        var director = ScoreDirector(try CompiledProblem(problem), solution: solution, assertFullScore: true)
        let score = director.score
        var outcomes: [ScoreDirector.Attempt] = []
        for seed in 1...40 as ClosedRange<UInt64> {
            let attempt = try director.attempt(.ruinAndRecreate(session: 0, seed: seed), refusingClashes: false)
            outcomes.append(attempt)
            if attempt == .done {
                #expect(director.score.hard == 0 && director.score.medium == 0, "seed \(seed): \(director.solution)")
                try director.undoMove()
            }
            #expect(director.solution == solution && director.score == score, "seed \(seed)")
        }
        #expect(outcomes.contains(.clashes) && outcomes.contains(.done), "\(outcomes)")
    }

    @Test("an unplaced session cannot be the start of a ruin")
    func unplacedRefused() throws {
        var director = try director()
        director.assign(0, to: nil)
        let score = director.score
        #expect(try !director.doMove(.ruinAndRecreate(session: 0, seed: 1)))
        #expect(director.score == score)
    }
}
