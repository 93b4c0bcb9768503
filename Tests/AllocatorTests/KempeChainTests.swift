import Testing

@testable import Allocator

@Suite("Kempe chain")
struct KempeChainTests {
    /// a (cohort 0, room 0) at slot 0 and b (cohort 0, room 1) at slot 1 swap slots; c (cohort 1) holds room 0 at
    /// slot 1, so a cannot keep its room there.
    private func problem(rooms: Int, bStarts: [Int]? = nil) -> Problem {
        var b = Session(name: "b", duration: 1, cohorts: [0])
        b.allowedStarts = bStarts
        return smallProblem(
            resources: (0..<rooms).map { Resource(name: "room\($0)", seats: 40) },
            cohorts: 2,
            sessions: [
                Session(name: "a", duration: 1, cohorts: [0]),
                b,
                Session(name: "c", duration: 1, cohorts: [1]),
            ]
        )
    }

    private func director(_ problem: Problem) throws -> ScoreDirector {
        var solution = Solution(sessionCount: 3)
        solution.assignments = [
            Assignment(start: 0, resource: 0), Assignment(start: 1, resource: 1), Assignment(start: 1, resource: 0),
        ]
        return ScoreDirector(try CompiledProblem(problem), solution: solution, assertFullScore: true)
    }

    @Test("a member whose room is taken at its new slot moves to the room the other side left")
    func takesTheLeftRoom() throws {
        var director = try director(problem(rooms: 2))
        #expect(try director.doMove(.kempeChain(session: 0, start: 1)))
        #expect(director.calculator.assignment(of: 0) == Assignment(start: 1, resource: 1))
        #expect(director.calculator.assignment(of: 1) == Assignment(start: 0, resource: 1))
        #expect(director.score.hard == 0)
    }

    @Test("a chain is refused, changing nothing, when a member may not start at the other side's slot")
    func refusedWhenAMemberCannotCross() throws {
        var director = try director(problem(rooms: 2, bStarts: [1, 2]))
        let before = director.score
        #expect(try !director.doMove(.kempeChain(session: 0, start: 1)))
        #expect(director.calculator.assignment(of: 0) == Assignment(start: 0, resource: 0))
        #expect(director.calculator.assignment(of: 1) == Assignment(start: 1, resource: 1))
        #expect(director.score == before)
    }

    @Test("a member keeps its room when it is still free at its new slot")
    func keepsAFreeRoom() throws {
        var director = try director(problem(rooms: 3))
        #expect(try director.doMove(.kempeChain(session: 1, start: 0)))
        #expect(director.calculator.assignment(of: 1) == Assignment(start: 0, resource: 1))
        #expect(director.calculator.assignment(of: 0)?.resource != 0)
        #expect(director.score.hard == 0)
        try director.undoMove()
        #expect(director.calculator.assignment(of: 0) == Assignment(start: 0, resource: 0))
    }
}
