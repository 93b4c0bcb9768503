import Testing

@testable import Allocator

@Suite("hard constraints")
struct HardConstraintTests {
    @Test("two sessions in a one-seat room at the same slot break capacity once")
    func roomDoubleBooked() throws {
        let problem = smallProblem(sessions: [Session(name: "a", duration: 1), Session(name: "b", duration: 2)])
        let value = try penalty(
            .resourceCapacity,
            problem,
            [Assignment(start: 1, resource: 0), Assignment(start: 0, resource: 0)]
        )
        #expect(value == 1)
    }

    @Test("a pool of 20 stations holding 12 + 12 units is 4 units over")
    func poolOverCapacity() throws {
        let pool = Resource(name: "stations", capacity: 20, seats: 40)
        let need = ResourceNeed(units: 12)
        let problem = smallProblem(
            resources: [pool],
            sessions: [
                Session(name: "a", duration: 1, resourceNeed: need),
                Session(name: "b", duration: 1, resourceNeed: need),
            ]
        )
        #expect(
            try penalty(
                .resourceCapacity,
                problem,
                [Assignment(start: 3, resource: 0), Assignment(start: 3, resource: 0)]
            ) == 4
        )
    }

    @Test("booking a workshop and one of its machines at once is one clash, also through a grandparent")
    func containment() throws {
        let resources = [
            Resource(name: "hall"), Resource(name: "workshop", parent: 0), Resource(name: "machine", parent: 1),
        ]
        let problem = smallProblem(
            resources: resources,
            sessions: [Session(name: "a", duration: 1), Session(name: "b", duration: 1)]
        )
        #expect(
            try penalty(
                .resourceCapacity,
                problem,
                [Assignment(start: 2, resource: 1), Assignment(start: 2, resource: 2)]
            ) == 1
        )
        #expect(
            try penalty(
                .resourceCapacity,
                problem,
                [Assignment(start: 2, resource: 0), Assignment(start: 2, resource: 2)]
            ) == 1
        )
        #expect(
            try penalty(
                .resourceCapacity,
                problem,
                [Assignment(start: 2, resource: 1), Assignment(start: 3, resource: 2)]
            ) == 0
        )
    }

    @Test("pilot production takes the whole line, so one more unit overloads it")
    func pilotExclusive() throws {
        let line = Resource(name: "line", capacity: 10)
        let problem = smallProblem(
            resources: [line],
            sessions: [
                Session(name: "pilot", duration: 2, category: .pilotProduction), Session(name: "class", duration: 1),
            ]
        )
        #expect(
            try penalty(
                .resourceCapacity,
                problem,
                [Assignment(start: 0, resource: 0), Assignment(start: 1, resource: 0)]
            ) == 1
        )
    }

    @Test("a two-slot session over two closed slots counts two")
    func resourceClosed() throws {
        let room = Resource(name: "room", unavailableSlots: [4, 5])
        let problem = smallProblem(resources: [room], sessions: [Session(name: "a", duration: 2)])
        #expect(try penalty(.resourceUnavailable, problem, [Assignment(start: 4, resource: 0)]) == 2)
    }

    @Test("training right after pilot production without 4 slots of cleaning breaks the changeover")
    func changeover() throws {
        var matrix = Changeover()
        matrix.setBuffer(4, from: .pilotProduction, to: .studentTraining)
        let line = Resource(name: "line", changeover: matrix)
        let problem = smallProblem(
            resources: [line],
            sessions: [
                Session(name: "pilot", duration: 2, category: .pilotProduction), Session(name: "class", duration: 1),
            ]
        )
        #expect(
            try penalty(.changeover, problem, [Assignment(start: 0, resource: 0), Assignment(start: 3, resource: 0)])
                == 1
        )
        #expect(
            try penalty(.changeover, problem, [Assignment(start: 0, resource: 0), Assignment(start: 6, resource: 0)])
                == 0
        )
        #expect(
            try penalty(.changeover, problem, [Assignment(start: 3, resource: 0), Assignment(start: 0, resource: 0)])
                == 0
        )
    }

    @Test("an instructor in two rooms at once, while away, and over the weekly cap")
    func instructor() throws {
        let teacher = Instructor(name: "li", weeklySlotCap: 2, unavailableSlots: [5])
        let problem = smallProblem(
            resources: [Resource(name: "a"), Resource(name: "b")],
            instructors: [teacher],
            sessions: (0..<3).map { Session(name: "s\($0)", duration: 1, needsInstructor: true) }
        )
        let assignments = [
            Assignment(start: 1, resource: 0, instructor: 0), Assignment(start: 1, resource: 1, instructor: 0),
            Assignment(start: 5, resource: 0, instructor: 0),
        ]
        #expect(try penalty(.instructorConflict, problem, assignments) == 1)
        #expect(try penalty(.instructorUnavailable, problem, assignments) == 1)
        #expect(try penalty(.instructorWeeklyCap, problem, assignments) == 1)
    }

    @Test("a quota counts the slots beyond its window's limit, by start, and only on the resources it covers")
    func quota() throws {
        var problem = smallProblem(
            resources: [Resource(name: "cnc"), Resource(name: "lathe")],
            sessions: (0..<3).map { Session(name: "s\($0)", duration: 2) })
        problem.quotas = [
            QuotaCap(
                name: "cnc", sessions: [0, 1, 2], resources: [0],
                windows: [.init(start: 0, end: 4, limit: 3), .init(start: 4, end: 8, limit: 2)])
        ]
        let first = [Assignment(start: 0, resource: 0), Assignment(start: 2, resource: 0)]
        // 4 slots in a window of 3; the third on the lathe is not counted
        #expect(try penalty(.quota, problem, first + [Assignment(start: 4, resource: 1)]) == 1)
        // a session starting in the second window counts there whole, even as it ends in the first's
        #expect(
            try penalty(.quota, problem, [Assignment(start: 3, resource: 0), nil, Assignment(start: 5, resource: 0)])
                == 0)
        #expect(try penalty(.quota, problem, first + [Assignment(start: 4, resource: 0)]) == 1)
        #expect(try penalty(.quota, problem, [nil, nil, Assignment(start: 4, resource: 0)]) == 0)
    }

    @Test("a cohort in two sessions at once")
    func cohort() throws {
        let problem = smallProblem(
            resources: [Resource(name: "a"), Resource(name: "b")],
            cohorts: 2,
            sessions: [
                Session(name: "x", duration: 2, cohorts: [0, 1]), Session(name: "y", duration: 1, cohorts: [1]),
            ]
        )
        #expect(
            try penalty(
                .cohortConflict,
                problem,
                [Assignment(start: 0, resource: 0), Assignment(start: 1, resource: 1)]
            ) == 1
        )
    }

    @Test("a pilot run skipping a day or changing line breaks one link each")
    func contiguous() throws {
        let sessions = (0..<3).map { Session(name: "day\($0)", duration: 4, category: .pilotProduction, series: 0) }
        let problem = smallProblem(
            days: 5,
            resources: [Resource(name: "line1"), Resource(name: "line2")],
            sessions: sessions,
            series: [Series(name: "run", kind: .contiguous, sessions: [0, 1, 2])]
        )
        let good = [
            Assignment(start: 8, resource: 0), Assignment(start: 16, resource: 0), Assignment(start: 24, resource: 0),
        ]
        #expect(try penalty(.contiguousSeries, problem, good) == 0)
        let gap = [
            Assignment(start: 8, resource: 0), Assignment(start: 24, resource: 0), Assignment(start: 32, resource: 0),
        ]
        #expect(try penalty(.contiguousSeries, problem, gap) == 1)
        let switched = [
            Assignment(start: 8, resource: 0), Assignment(start: 16, resource: 1), Assignment(start: 24, resource: 1),
        ]
        #expect(try penalty(.contiguousSeries, problem, switched) == 1)
    }

    @Test("a pilot run placed in part costs all its days at the medium level")
    func partialRun() throws {
        let sessions = (0..<3).map { Session(name: "day\($0)", duration: 4, category: .pilotProduction, series: 0) }
        let problem = smallProblem(
            days: 5, resources: [Resource(name: "line")], sessions: sessions,
            series: [Series(name: "run", kind: .contiguous, sessions: [0, 1, 2])])
        let part = try checkedBreakdown(
            problem, [Assignment(start: 8, resource: 0), Assignment(start: 16, resource: 0), nil])
        #expect(part.score.medium == -3)
        let whole = try checkedBreakdown(
            problem,
            [Assignment(start: 8, resource: 0), Assignment(start: 16, resource: 0), Assignment(start: 24, resource: 0)])
        #expect(whole.score.medium == 0)
    }

    @Test("unplaced sessions cost their priority at the medium level")
    func unplaced() throws {
        let problem = smallProblem(sessions: [
            Session(name: "a", duration: 1, priority: 3), Session(name: "b", duration: 1),
        ])
        let breakdown = try checkedBreakdown(problem, [nil, Assignment(start: 0, resource: 0)])
        #expect(breakdown.score.medium == -3)
        #expect(breakdown.score.hard == 0)
    }

    @Test("a session of priority 0 counts neither as unplaced nor in fairness between organizations")
    func priorityZero() throws {
        let problem = smallProblem(sessions: [
            Session(name: "outside", duration: 1, priority: 0), Session(name: "a", duration: 1),
            Session(name: "b", duration: 1),
        ])
        let breakdown = try checkedBreakdown(problem, [nil, nil, Assignment(start: 0, resource: 0)])
        #expect(breakdown.score.medium == -1)
        #expect(breakdown.penalties[.organizationFairness, default: 0] == 1)
    }
}
