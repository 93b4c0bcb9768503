import Testing

@testable import Allocator

@Suite("pilot runs: own changeover buffers, exclusive halls, runs with resources beside the line")
struct PilotRunConstraintTests {
    /// hall 0 holds line 1 and machine 2; room 3 stands alone.
    private static let hall = [
        Resource(name: "hall", seats: 40), Resource(name: "line", parent: 0), Resource(name: "machine", parent: 0),
        Resource(name: "room", seats: 30),
    ]

    @Test("a session's own buffer after it and the next one's before keep its resource free, without a matrix")
    func sessionBuffers() throws {
        let problem = smallProblem(
            slots: 12, resources: [Resource(name: "line"), Resource(name: "other")],
            sessions: [
                Session(name: "run", duration: 3, category: .pilotProduction, bufferAfter: 2),
                Session(name: "class", duration: 2, bufferBefore: 0),
                Session(name: "course", duration: 2, category: .employeeUpskilling, bufferBefore: 3),
            ])
        let close = [Assignment(start: 0, resource: 0), Assignment(start: 4, resource: 0), nil]
        #expect(try penalty(.changeover, problem, close) == 1)
        let apart = [Assignment(start: 0, resource: 0), Assignment(start: 5, resource: 0), nil]
        #expect(try penalty(.changeover, problem, apart) == 0)
        let elsewhere = [Assignment(start: 0, resource: 0), Assignment(start: 3, resource: 1), nil]
        #expect(try penalty(.changeover, problem, elsewhere) == 0)
        // the course needs 3 free slots before it: the run ends at 3, the course starts at 5
        let before = [Assignment(start: 0, resource: 0), nil, Assignment(start: 5, resource: 0)]
        #expect(try penalty(.changeover, problem, before) == 1)
        let later = [Assignment(start: 0, resource: 0), nil, Assignment(start: 6, resource: 0)]
        #expect(try penalty(.changeover, problem, later) == 0)
    }

    @Test("an exclusive hall counts each overlapping session of another organization in the hall, above or inside it")
    func exclusiveHall() throws {
        let run = Session(name: "run", duration: 4, category: .pilotProduction, organization: 1, exclusiveHall: true)
        let other = { (organization: Int) in Session(name: "class", duration: 2, organization: organization) }
        let problem = smallProblem(
            slots: 12, resources: Self.hall, sessions: [run, other(0), other(1), other(0)])
        let onMachine = [
            Assignment(start: 0, resource: 1), Assignment(start: 2, resource: 2), Assignment(start: 2, resource: 2),
            nil,
        ]
        // the machine is taken twice (a capacity clash too), but only the other organization's session counts
        #expect(try penalty(.exclusiveHall, problem, onMachine) == 1)
        let apart = [
            Assignment(start: 0, resource: 1), Assignment(start: 4, resource: 2), nil,
            Assignment(start: 0, resource: 3),
        ]
        #expect(try penalty(.exclusiveHall, problem, apart) == 0)
        let onHall = [Assignment(start: 0, resource: 1), nil, nil, Assignment(start: 3, resource: 0)]
        #expect(try penalty(.exclusiveHall, problem, onHall) == 1)
    }

    @Test(
        "the solver leaves out a run that would hold a hall another organization has pinned, and places it on other days"
    )
    func solverKeepsTheHall() throws {
        let day = { (name: String, start: Int, series: Int) in
            Session(
                name: name, duration: 8, allowedStarts: [start], category: .pilotProduction, organization: 1,
                resourceNeed: ResourceNeed(eligibleResources: [1]), series: series, exclusiveHall: true)
        }
        let pinned = Session(
            name: "class", duration: 2, allowedStarts: [10], organization: 0,
            resourceNeed: ResourceNeed(eligibleResources: [2]))
        let problem = Problem(
            horizon: Horizon(days: 4, slotsPerDay: 8), resources: Self.hall, organizations: ["school", "enterprise"],
            sessions: [
                pinned, day("blocked 1", 0, 0), day("blocked 2", 8, 0), day("moved 1", 16, 1), day("moved 2", 24, 1),
            ],
            series: [
                Series(name: "blocked", kind: .contiguous, sessions: [1, 2]),
                Series(name: "moved", kind: .contiguous, sessions: [3, 4]),
            ],
            pinned: [0: Assignment(start: 10, resource: 2)])
        let result = try Solver(configuration: SolverConfiguration(seed: 3, termination: Termination(stepLimit: 2_000)))
            .solve(problem)
        #expect(result.solution.assignments[1] == nil && result.solution.assignments[2] == nil)
        #expect(result.solution.assignments[3] != nil && result.solution.assignments[4] != nil)
        #expect(result.score.isFeasible)
    }

    @Test("two exclusive runs of different organizations in one hall count both ways")
    func twoExclusiveRuns() throws {
        let run = { (organization: Int) in
            Session(
                name: "run", duration: 4, category: .pilotProduction, organization: organization, exclusiveHall: true)
        }
        let problem = smallProblem(slots: 12, resources: Self.hall, sessions: [run(0), run(1)])
        let together = [Assignment(start: 0, resource: 1), Assignment(start: 2, resource: 2)]
        #expect(try penalty(.exclusiveHall, problem, together) == 2)
    }

    @Test("a run is placed with the resources beside it or not at all")
    func runWithTwins() throws {
        // day 0 and 1 of a run on the line, its twin on a printer that is closed on day 1
        let day = { (name: String, series: Int, start: Int) in
            Session(name: name, duration: 4, allowedStarts: [start], category: .pilotProduction, series: series)
        }
        let problem = Problem(
            horizon: Horizon(days: 2, slotsPerDay: 8),
            resources: [Resource(name: "line"), Resource(name: "printer", unavailableSlots: Array(8..<16))],
            organizations: ["enterprise"],
            sessions: [
                day("line 1", 0, 2).needing(0), day("line 2", 0, 10).needing(0), day("printer 1", 1, 2).needing(1),
                day("printer 2", 1, 10).needing(1),
            ],
            series: [
                Series(name: "line", kind: .contiguous, sessions: [0, 1]),
                Series(name: "printer", kind: .contiguous, sessions: [2, 3]),
                Series(name: "day 1", kind: .simultaneous, sessions: [0, 2]),
                Series(name: "day 2", kind: .simultaneous, sessions: [1, 3]),
            ])
        let result = try Solver(configuration: SolverConfiguration(seed: 1, termination: Termination(stepLimit: 500)))
            .solve(problem)
        #expect(result.solution.assignments.allSatisfy { $0 == nil }, "\(result.solution.assignments)")
        var open = problem
        open.resources[1].unavailableSlots = []
        let placed = try Solver(configuration: SolverConfiguration(seed: 1, termination: Termination(stepLimit: 500)))
            .solve(open)
        #expect(placed.solution.assignments.allSatisfy { $0 != nil }, "\(placed.solution.assignments)")
        #expect(placed.solution.assignments[0]?.start == placed.solution.assignments[2]?.start)
    }

    @Test(
        "with buffers and exclusive halls, the incremental score equals a full rescore after every move and undo",
        arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func incrementalEqualsFull(seed: UInt64) throws {
        var problem = RandomProblem.make(seed: seed)
        for index in problem.sessions.indices {
            if index % 5 == 0 { problem.sessions[index].exclusiveHall = true }
            if index % 4 == 2 { problem.sessions[index].bufferBefore = 1 + index % 3 }
            if index % 6 == 3 { problem.sessions[index].bufferAfter = 2 }
        }
        try checkMovesKeepScore(problem, seed: seed)
        let result = try Solver(
            configuration: SolverConfiguration(
                seed: seed, termination: Termination(stepLimit: 2_000), assertFullScore: true)
        ).solve(problem)
        #expect(result.score == ScoreBreakdown(problem: problem, solution: result.solution).score)
    }
}

extension Session {
    /// The session on exactly this resource.
    fileprivate func needing(_ resource: Int) -> Session {
        var session = self
        session.resourceNeed = ResourceNeed(eligibleResources: [resource])
        return session
    }
}
