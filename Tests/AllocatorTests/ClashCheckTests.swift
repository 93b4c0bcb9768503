import Testing

@testable import Allocator

@Suite("the clash check of a swap")
struct ClashCheckTests {
    /// a (cohort 0) at slot 0 in room 0 and b (cohorts 0 and 1) at slot 1 in room 1; with `third`, c (cohort 1)
    /// at slot 0 in room 2.
    private func director(third: Bool) throws -> ScoreDirector {
        var sessions = [
            Session(name: "a", duration: 1, cohorts: [0]), Session(name: "b", duration: 1, cohorts: [0, 1]),
        ]
        var assignments = [Assignment(start: 0, resource: 0), Assignment(start: 1, resource: 1)]
        if third {
            sessions.append(Session(name: "c", duration: 1, cohorts: [1]))
            assignments.append(Assignment(start: 0, resource: 2))
        }
        let problem = smallProblem(
            resources: (0..<3).map { Resource(name: "room\($0)", seats: 40) }, cohorts: 2, sessions: sessions)
        var solution = Solution(sessionCount: sessions.count)
        solution.assignments = assignments
        return ScoreDirector(try CompiledProblem(problem), solution: solution, assertFullScore: true)
    }

    @Test("two sessions of one cohort swap slots: each leaves the cell the other takes, so no clash")
    func sharedCohortLeaves() throws {
        var director = try director(third: false)
        #expect(try director.attempt(.swap(0, 1), refusingClashes: true) == .done)
        #expect(director.score.hard == 0)
        #expect(director.calculator.assignment(of: 1) == Assignment(start: 0, resource: 0))
    }

    @Test("a swap taking b onto its other cohort's busy slot is refused, though a leaves that slot (not of it)")
    func otherCohortStays() throws {
        var director = try director(third: true)
        #expect(try director.attempt(.swap(0, 1), refusingClashes: true) == .clashes)
        #expect(director.calculator.assignment(of: 0) == Assignment(start: 0, resource: 0))
        #expect(try director.doMove(.swap(0, 1)))
        #expect(director.score.hard == -1)
    }
}
