import Testing

@testable import Allocator

@Suite("properties over seeded random problems")
struct PropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 4, 5, 6, 7, 8]

    @Test("incremental score equals a full rescore after every move and every undo", arguments: seeds)
    func incrementalEqualsFull(seed: UInt64) throws {
        try checkMovesKeepScore(RandomProblem.make(seed: seed), seed: seed)
    }

    @Test(
        "incremental score equals a full rescore after every kind of move, ejections included, weighed alike",
        arguments: seeds)
    func incrementalEqualsFullEveryKind(seed: UInt64) throws {
        var weights = MoveWeights.standard
        for kind in MoveWeights.Kind.allCases { weights[kind] = 10 }
        try checkMovesKeepScore(RandomProblem.make(seed: seed), seed: seed, weights: weights)
    }

    @Test(
        "incremental score equals a full rescore when sessions sit in several cohorts (as CB-CTT courses do)",
        arguments: seeds)
    func incrementalEqualsFullWithSharedCohorts(seed: UInt64) throws {
        var problem = RandomProblem.make(seed: seed)
        var random = SplitMix64(seed: seed &+ 7)
        let cohortCount = problem.cohorts.count
        for index in problem.sessions.indices where cohortCount > 1 {
            let extra = (0..<cohortCount).filter { _ in random.below(2) == 0 }
            problem.sessions[index].cohorts = Array(Set(problem.sessions[index].cohorts + extra)).sorted()
        }
        #expect(problem.sessions.contains { $0.cohorts.count > 1 && $0.duration > 1 })
        try checkMovesKeepScore(problem, seed: seed)
    }

    @Test("doing then undoing a move restores the solution and the score", arguments: seeds)
    func doUndo(seed: UInt64) throws {
        let problem = RandomProblem.make(seed: seed)
        let facts = try CompiledProblem(problem)
        var director = ScoreDirector(facts, solution: Solution(sessionCount: problem.sessions.count))
        var random = SplitMix64(seed: seed &+ 100)
        try ConstructionHeuristic().run(&director, &random)
        let neighbourhood = Neighbourhood(facts)
        for step in 0..<300 {
            guard let move = neighbourhood.next(director.calculator, &random) else { continue }
            let (solution, score) = (director.solution, director.score)
            if try director.doMove(move) {
                try director.undoMove()
                #expect(director.solution == solution, "seed \(seed) step \(step) \(move)")
                #expect(director.score == score, "seed \(seed) step \(step) \(move)")
            }
            _ = try director.doMove(move)
        }
    }

    @Test(
        "a move refused for a clash breaks a hard constraint when done; the check leaves no scratch", arguments: seeds)
    func refusedClashesBreakHard(seed: UInt64) throws {
        var problem = RandomProblem.make(seed: seed, sessions: 12)
        problem.pinned = [:]
        let facts = try CompiledProblem(problem)
        var director = ScoreDirector(facts, solution: Solution(sessionCount: problem.sessions.count))
        var random = SplitMix64(seed: seed &+ 200)
        try ConstructionHeuristic().run(&director, &random)
        let neighbourhood = Neighbourhood(facts)
        let calculator = director.calculator
        var refused = 0
        for step in 0..<4_000 {
            guard let move = neighbourhood.next(calculator, &random) else { continue }
            let feasible = calculator.totals[0] == 0
            let attempt = try director.attempt(move, refusingClashes: feasible)
            #expect(
                (0..<calculator.cohortLeft.count).allSatisfy { calculator.cohortLeft[$0] == 0 },
                "seed \(seed) step \(step): the clash check left its scratch counts behind")
            switch attempt {
            case .impossible: continue
            case .clashes:
                refused += 1
                #expect(try director.doMove(move))
                #expect(calculator.totals[0] > 0, "seed \(seed) step \(step) \(move)")
                try director.undoMove()
            case .done:
                // walk on through feasible solutions, and out of infeasible ones
                if calculator.totals[0] > 0 && feasible { try director.undoMove() }
            }
        }
        #expect(refused > 0, "seed \(seed): no move was refused, so nothing was checked")
    }

    @Test("pinned assignments never move and the solver's score is the full rescore", arguments: seeds)
    func pinnedStay(seed: UInt64) throws {
        let problem = RandomProblem.make(seed: seed)
        let configuration = SolverConfiguration(
            seed: seed,
            termination: Termination(stepLimit: 3_000),
            assertFullScore: true
        )
        let result = try Solver(configuration: configuration).solve(problem)
        for (session, assignment) in problem.pinned {
            #expect(result.solution.assignments[session] == assignment, "seed \(seed)")
        }
        #expect(result.score == ScoreBreakdown(problem: problem, solution: result.solution).score)
    }

    @Test("the same seed and step limit give the same solution", arguments: [UInt64(11), 12])
    func deterministic(seed: UInt64) throws {
        let problem = RandomProblem.make(seed: seed, sessions: 40)
        let configuration = SolverConfiguration(seed: seed, termination: Termination(stepLimit: 20_000))
        let first = try Solver(configuration: configuration).solve(problem)
        let second = try Solver(configuration: configuration).solve(problem)
        #expect(first.solution == second.solution)
        #expect(first.score == second.score)
        var late = configuration
        late.acceptor = .lateAcceptance(length: 50)
        #expect(
            try Solver(configuration: late).solve(problem).solution
                == Solver(configuration: late).solve(problem).solution
        )
    }

    @Test("every move kind keeps the incremental score exact", arguments: seeds.prefix(3))
    func everyMoveKind(seed: UInt64) throws {
        let problem = RandomProblem.make(seed: seed)
        let facts = try CompiledProblem(problem)
        var director = ScoreDirector(
            facts,
            solution: Solution(sessionCount: problem.sessions.count),
            assertFullScore: true
        )
        var random = SplitMix64(seed: seed)
        try ConstructionHeuristic().run(&director, &random)
        let movable = facts.movableSessions
        for _ in 0..<60 {
            let session = movable[random.below(movable.count)]
            let other = movable[random.below(movable.count)]
            let start = facts.candidateStarts[session][random.below(facts.candidateStarts[session].count)]
            let moves: [Move] = [
                .changeTime(session: session, start: start),
                .changeResource(session: session, resource: facts.candidateResources[session][0]),
                .changeInstructor(session: session, instructor: facts.candidateInstructors[session].first ?? 0),
                .changeSecondInstructor(
                    session: session, instructor: facts.candidateSecondInstructors[session].last ?? 0),
                .swap(session, other), .kempeChain(session: session, start: start),
                .moveSeries(series: random.below(4), shift: facts.slotsPerDay, resource: nil),
                .unassign(session: other),
                .assign(
                    session: other,
                    to: Assignment(
                        start: facts.candidateStarts[other][0],
                        resource: facts.candidateResources[other][0],
                        instructor: facts.candidateInstructors[other].first,
                        secondInstructor: facts.candidateSecondInstructors[other].last
                    )
                ),
            ]
            for move in moves { _ = try director.doMove(move) }
        }
    }
}
