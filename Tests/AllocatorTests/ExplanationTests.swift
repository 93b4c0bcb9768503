import Testing

@testable import Allocator

@Suite("explanations")
struct ExplanationTests {
    @Test("a session no room is big enough for is unplaced because no resource with ≥ 40 seats exists")
    func noRoomBigEnough() throws {
        let session = Session(
            name: "class",
            duration: 2,
            participants: 40,
            resourceNeed: ResourceNeed(minimumSeats: 40)
        )
        let problem = smallProblem(resources: [Resource(name: "small", seats: 30)], sessions: [session])
        let result = try Solver().solve(problem)
        let explanation = try Explanation(problem: problem, solution: result.solution)
        #expect(explanation.unplaced.map { $0.reasons.map(\.english) } == [["no resource with ≥ 40 seats exists"]])
        #expect(explanation.unplaced.first?.reasons.first?.chinese == "没有具备至少40个座位的资源")
        #expect(explanation.constraints.contains { $0.constraint == .unplaced && $0.penalty == 1 })
    }

    @Test("an organization's quota used up leaves its third session out, and the explanation names the quota")
    func quotaUsedUp() throws {
        var problem = smallProblem(
            resources: [Resource(name: "cnc")], sessions: (0..<3).map { Session(name: "s\($0)", duration: 2) })
        problem.quotas = [
            QuotaCap(name: "SME 4 h a week", sessions: [0, 1, 2], windows: [.init(start: 0, end: 8, limit: 4)])
        ]
        let result = try Solver().solve(problem)
        #expect(result.score.hard == 0 && result.score.medium == -1)
        #expect(result.solution.assignments.compactMap { $0 }.count == 2)
        let explanation = try Explanation(problem: problem, solution: result.solution)
        let reasons = explanation.unplaced.first?.reasons ?? []
        #expect(reasons.contains { $0.english.contains("quota SME 4 h a week has no hours left") })
        #expect(reasons.contains { $0.chinese.contains("配额「SME 4 h a week」") })
    }

    @Test("a three-day pilot run that can only take days 1 and 3 is left out whole, and says why")
    func runDoesNotFit() throws {
        let horizon = Horizon(days: 3, slotsPerDay: 8)
        let starts = [horizon.slot(day: 0, slotInDay: 0), horizon.slot(day: 2, slotInDay: 0)]
        let days = (0..<3).map {
            Session(name: "day\($0)", duration: 8, allowedStarts: starts, category: .pilotProduction, series: 0)
        }
        let problem = Problem(
            horizon: horizon, resources: [Resource(name: "line")], sessions: days,
            series: [Series(name: "run", kind: .contiguous, sessions: [0, 1, 2])])
        let result = try Solver().solve(problem)
        #expect(result.solution.assignments == [nil, nil, nil])
        #expect(result.score.hard == 0 && result.score.medium == -3)
        let explanation = try Explanation(problem: problem, solution: result.solution)
        #expect(explanation.unplaced.count == 3)
        #expect(explanation.unplaced.allSatisfy { $0.reasons.first?.english.contains("3 consecutive days") == true })
    }

    @Test("the only welding instructor busy Tue–Thu afternoons leaves the session out and says so")
    func instructorBusy() throws {
        let horizon = Horizon(days: 5, slotsPerDay: 8)
        let afternoons = (1...3).map { horizon.slot(day: $0, slotInDay: 4) }
        let busy = Session(name: "busy", duration: 4, needsInstructor: true, requiredSkills: ["welding.robot"])
        let wanted = Session(
            name: "welding",
            duration: 4,
            allowedStarts: afternoons,
            needsInstructor: true,
            requiredSkills: ["welding.robot"]
        )
        let problem = Problem(
            horizon: horizon,
            resources: [Resource(name: "a"), Resource(name: "b")],
            instructors: [
                Instructor(name: "li", skills: ["welding.robot"]), Instructor(name: "wang", skills: ["plc"]),
            ],
            sessions: [busy, busy, busy, wanted],
            pinned: Dictionary(
                uniqueKeysWithValues: afternoons.enumerated().map {
                    ($0.offset, Assignment(start: $0.element, resource: 0, instructor: 0))
                }
            )
        )
        let result = try Solver().solve(problem)
        let explanation = try Explanation(problem: problem, solution: result.solution)
        #expect(
            explanation.unplaced.first?.reasons == [
                Reason(
                    english: "no instructor with skill welding.robot is free on Tue–Thu afternoons",
                    chinese: "周二至周四下午没有具备技能welding.robot的空闲教师")
            ]
        )
    }

    @Test("the breakdown by session blames the two sessions of a clash")
    func sessionImpacts() throws {
        let problem = smallProblem(sessions: [
            Session(name: "a", duration: 1), Session(name: "b", duration: 1), Session(name: "c", duration: 1),
        ])
        let solution = Solution(assignments: [
            Assignment(start: 0, resource: 0), Assignment(start: 0, resource: 0), Assignment(start: 3, resource: 0),
        ])
        let explanation = try Explanation(problem: problem, solution: solution)
        #expect(explanation.score.hard == -1)
        #expect(Set(explanation.sessions.filter { $0.impact.hard == 1 }.map(\.session)) == [0, 1])
    }
}
