import Testing

@testable import Allocator

@Suite("soft constraints")
struct SoftConstraintTests {
    @Test("a start outside the preferred starts and a day outside the preferred days cost one each")
    func preferredTime() throws {
        let session = Session(name: "a", duration: 1, preferredStarts: [2], preferredDays: [1])
        let problem = smallProblem(days: 2, sessions: [session])
        #expect(try penalty(.preferredTime, problem, [Assignment(start: 3, resource: 0)]) == 2)
        #expect(try penalty(.preferredTime, problem, [Assignment(start: 2, resource: 0)]) == 1)
        #expect(try penalty(.preferredTime, problem, [Assignment(start: 10, resource: 0)]) == 1)
    }

    @Test("a weekly series at two weekday-times and in two rooms costs one of each")
    func weeklySeries() throws {
        let sessions = (0..<3).map { Session(name: "w\($0)", duration: 1, series: 0) }
        var problem = smallProblem(
            days: 14,
            resources: [Resource(name: "a"), Resource(name: "b")],
            sessions: sessions,
            series: [Series(name: "course", kind: .weekly, sessions: [0, 1, 2])]
        )
        problem.horizon.daysPerWeek = 7
        let week = 7 * 8
        let assignments = [
            Assignment(start: 2, resource: 0), Assignment(start: week + 2, resource: 1),
            Assignment(start: 3, resource: 0),
        ]
        #expect(try penalty(.seriesTimeStability, problem, assignments) == 1)
        #expect(try penalty(.roomStability, problem, assignments) == 1)
    }

    @Test("a spread series wanting 3 days on one day misses 2, weighted by the caller")
    func minimumDays() throws {
        let sessions = (0..<2).map { Session(name: "l\($0)", duration: 1, series: 0) }
        var problem = smallProblem(
            days: 5,
            sessions: sessions,
            series: [Series(name: "c", kind: .spread, sessions: [0, 1], minimumDays: 3)]
        )
        problem.weights.minimumDays = 5
        let breakdown = try checkedBreakdown(
            problem,
            [Assignment(start: 0, resource: 0), Assignment(start: 1, resource: 0)]
        )
        #expect(breakdown.penalties[.minimumDays] == 2)
        #expect(breakdown.score.soft == -10)
    }

    @Test("pilot production over its 25% share is penalised per unit-slot")
    func categoryShare() throws {
        var problem = smallProblem(
            slots: 4,
            sessions: [Session(name: "pilot", duration: 2, category: .pilotProduction)]
        )
        problem.categoryPolicy.setShare(.pilotProduction, maximumPercent: 25)
        #expect(try penalty(.categoryShare, problem, [Assignment(start: 0, resource: 0)]) == 1)
        problem.categoryPolicy.setShare(.studentTraining, minimumPercent: 50)
        #expect(try penalty(.categoryShare, problem, [Assignment(start: 0, resource: 0)]) == 3)
    }

    @Test("two unplaced sessions of one organization cost 4, spread over two organizations 2")
    func organizationFairness() throws {
        let sessions = [
            Session(name: "a", duration: 1, organization: 0), Session(name: "b", duration: 1, organization: 0),
            Session(name: "c", duration: 1, organization: 1), Session(name: "d", duration: 1, organization: 1),
        ]
        let problem = smallProblem(sessions: sessions)
        #expect(
            try penalty(
                .organizationFairness,
                problem,
                [nil, nil, Assignment(start: 0, resource: 0), Assignment(start: 1, resource: 0)]
            ) == 4
        )
        #expect(
            try penalty(
                .organizationFairness,
                problem,
                [nil, Assignment(start: 0, resource: 0), nil, Assignment(start: 1, resource: 0)]
            ) == 2
        )
    }

    @Test("45 participants in a 40-seat room cost 5")
    func roomSize() throws {
        let problem = smallProblem(sessions: [Session(name: "a", duration: 1, participants: 45)])
        #expect(try penalty(.roomSize, problem, [Assignment(start: 0, resource: 0)]) == 5)
    }

    @Test("a cohort's lone slot is isolated; two adjacent ones are not; day boundaries separate")
    func isolatedSlot() throws {
        let sessions = (0..<2).map { Session(name: "s\($0)", duration: 1, cohorts: [0]) }
        let problem = smallProblem(
            slots: 4,
            days: 2,
            resources: [Resource(name: "a"), Resource(name: "b")],
            cohorts: 1,
            sessions: sessions
        )
        #expect(
            try penalty(.isolatedSlot, problem, [Assignment(start: 0, resource: 0), Assignment(start: 2, resource: 0)])
                == 2
        )
        #expect(
            try penalty(.isolatedSlot, problem, [Assignment(start: 1, resource: 0), Assignment(start: 2, resource: 0)])
                == 0
        )
        #expect(
            try penalty(.isolatedSlot, problem, [Assignment(start: 3, resource: 0), Assignment(start: 4, resource: 0)])
                == 2
        )
        #expect(
            try penalty(.isolatedSlot, problem, [Assignment(start: 1, resource: 0), Assignment(start: 1, resource: 1)])
                == 2
        )
    }

    @Test("a session moved from the previous solution costs one; an unchanged one nothing")
    func leastChange() throws {
        var problem = smallProblem(sessions: [Session(name: "a", duration: 1), Session(name: "b", duration: 1)])
        problem.previous = Solution(assignments: [Assignment(start: 0, resource: 0), Assignment(start: 1, resource: 0)])
        #expect(
            try penalty(.leastChange, problem, [Assignment(start: 0, resource: 0), Assignment(start: 4, resource: 0)])
                == 1
        )
    }
}
