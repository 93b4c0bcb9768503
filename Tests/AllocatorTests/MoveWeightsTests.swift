import Testing

@testable import Allocator

/// `problem` compiled and constructed with the random stream of `seed` (returned as the construction left it).
private func constructed(
    _ problem: Problem, seed: UInt64, assertFullScore: Bool = false
) throws
    -> (CompiledProblem, ScoreDirector, SplitMix64)
{
    let facts = try CompiledProblem(problem)
    var director = ScoreDirector(
        facts, solution: Solution(sessionCount: problem.sessions.count), assertFullScore: assertFullScore)
    var random = SplitMix64(seed: seed)
    try ConstructionHeuristic().run(&director, &random)
    return (facts, director, random)
}

@Suite("move weights")
struct MoveWeightsTests {
    /// The kind a drawn move is of; `nil` for a placement (drawn for `place`, and for unplaced sessions whatever
    /// the mix).
    private func kind(of move: Move) -> MoveWeights.Kind? {
        switch move {
        case .changeTime: .time
        case .changeResource: .resource
        case .changeInstructor: .instructor
        case .changeSecondInstructor: .secondInstructor
        case .swap: .swap
        case .kempeChain: .kempeChain
        case .moveSeries: .series
        case .unassign: .unassign
        case .eject: .eject
        case .ruinAndRecreate: .ruinAndRecreate
        case .assign, .assignEvicting: nil
        }
    }

    @Test(
        "a mix weighing one kind draws only that kind (and placements of unplaced sessions)",
        arguments: [MoveWeights.Kind.time, .resource, .swap, .kempeChain, .unassign, .ruinAndRecreate])
    func onlyTheWeighedKind(only: MoveWeights.Kind) throws {
        var (facts, director, random) = try constructed(RandomProblem.make(seed: 3), seed: 11)
        var weights = MoveWeights.standard
        for kind in MoveWeights.Kind.allCases { weights[kind] = kind == only ? 1 : 0 }
        let neighbourhood = Neighbourhood(facts, weights: weights)
        var drawn = 0
        for _ in 0..<500 {
            guard let move = neighbourhood.next(director.calculator, &random) else { continue }
            let drawnKind = kind(of: move)
            #expect(drawnKind == nil || drawnKind == only, "\(move)")
            if drawnKind == only { drawn += 1 }
        }
        #expect(drawn > 250)
    }

    @Test("a weight is kept within 0 to the maximum, and a kind at the maximum is drawn by its share")
    func weightBounds() throws {
        var weights = MoveWeights.standard
        weights[.swap] = MoveWeights.maximum * 1_000
        weights[.time] = -5
        #expect(weights[.swap] == MoveWeights.maximum)
        #expect(weights[.time] == 0)
        var (facts, director, random) = try constructed(RandomProblem.make(seed: 3), seed: 11)
        let neighbourhood = Neighbourhood(facts, weights: weights)
        var (swaps, others) = (0, 0)
        for _ in 0..<1_000 {
            guard let move = neighbourhood.next(director.calculator, &random), let drawn = kind(of: move) else {
                continue
            }
            if drawn == .swap { swaps += 1 } else { others += 1 }
        }
        // the other kinds weigh 86 together (time is 0 now) against 1,000: over 90% of the kinds drawn are swaps
        #expect(swaps > 8 * others)
    }

    @Test("the standard mix draws its kinds, and raising a kind's weight draws it more often")
    func standardShares() throws {
        var (facts, director, random) = try constructed(RandomProblem.make(seed: 3), seed: 11)
        var swapShare = MoveWeights.standard
        swapShare[.swap] = 200
        var counts: [MoveWeights.Kind: [Int]] = [:]
        for (index, weights) in [MoveWeights.standard, swapShare].enumerated() {
            let neighbourhood = Neighbourhood(facts, weights: weights)
            for _ in 0..<4_000 {
                guard let move = neighbourhood.next(director.calculator, &random), let kind = kind(of: move) else {
                    continue
                }
                counts[kind, default: [0, 0]][index] += 1
            }
        }
        #expect(counts[.time]?[0] ?? 0 > 0 && counts[.kempeChain]?[0] ?? 0 > 0 && counts[.unassign]?[0] ?? 0 > 0)
        // 25 of the standard total against 200 of the total with swap raised: several times as many swaps
        #expect((counts[.swap]?[1] ?? 0) > 3 * (counts[.swap]?[0] ?? 0))
    }

    @Test("an ejection takes a place and moves the session starting there on that resource to another start on it")
    func ejection() throws {
        var (facts, director, random) = try constructed(RandomProblem.make(seed: 4), seed: 12, assertFullScore: true)
        var weights = MoveWeights.standard
        for kind in MoveWeights.Kind.allCases { weights[kind] = kind == .eject ? 1 : 0 }
        let neighbourhood = Neighbourhood(facts, weights: weights)
        var ejections = 0
        for _ in 0..<2_000 {
            guard let move = neighbourhood.next(director.calculator, &random),
                case .eject(let session, let place, let occupant, let elsewhere) = move
            else { continue }
            let held = try #require(director.calculator.assignment(of: occupant))
            #expect(held.start == place.start && held.resource == place.resource && occupant != session)
            #expect(elsewhere.resource == held.resource && elsewhere.instructor == held.instructor)
            if try director.doMove(move) {
                ejections += 1
                #expect(director.calculator.assignment(of: session) == place)
                #expect(director.calculator.assignment(of: occupant) == elsewhere)
                try director.undoMove()
            }
        }
        #expect(ejections > 0)
    }

    @Test("a mix with no kind the problem can use still moves: a session gets a random place")
    func nothingUsable() throws {
        var (facts, director, random) = try constructed(RandomProblem.make(seed: 3), seed: 11)
        var weights = MoveWeights.standard
        for kind in MoveWeights.Kind.allCases { weights[kind] = 0 }
        #expect(!weights.canMove)
        let neighbourhood = Neighbourhood(facts, weights: weights)
        for _ in 0..<100 {
            let move = try #require(neighbourhood.next(director.calculator, &random))
            #expect(kind(of: move) == nil, "\(move)")
        }
    }

    @Test("with no series short of its days a spread draws another kind; with one short, spreads")
    func spreadFallsBack() throws {
        let sessions = (0..<2).map { Session(name: "l\($0)", duration: 1, series: 0) }
        var problem = smallProblem(
            days: 5, sessions: sessions,
            series: [Series(name: "c", kind: .spread, sessions: [0, 1], minimumDays: 2)])
        problem.weights.minimumDays = 5
        let facts = try CompiledProblem(problem)
        var director = ScoreDirector(facts, solution: Solution(sessionCount: 2))
        var weights = MoveWeights.standard
        for kind in MoveWeights.Kind.allCases { weights[kind] = kind == .spread || kind == .swap ? 1 : 0 }
        let neighbourhood = Neighbourhood(facts, weights: weights)
        var random = SplitMix64(seed: 7)
        func drawn() throws -> [MoveWeights.Kind?] {
            try (0..<200).map { _ in try kind(of: #require(neighbourhood.next(director.calculator, &random))) }
        }
        director.assign(0, to: Assignment(start: 0, resource: 0))
        director.assign(1, to: Assignment(start: facts.slotsPerDay, resource: 0))
        #expect(director.calculator.days(of: 0) == 2)
        #expect(try drawn().allSatisfy { $0 == .swap })
        director.assign(1, to: Assignment(start: 1, resource: 0))
        let kinds = try drawn()
        #expect(kinds.contains(.swap))
        #expect(kinds.contains { $0 == .time || $0 == .kempeChain })
    }

    @Test("a solve with another mix keeps the incremental score equal to a full rescore")
    func solveWithAnotherMix() throws {
        var weights = MoveWeights.standard
        weights[.swap] = 100
        weights[.kempeChain] = 40
        let configuration = SolverConfiguration(
            seed: 5, termination: Termination(stepLimit: 3_000), moveWeights: weights, assertFullScore: true)
        let result = try Solver(configuration: configuration).solve(RandomProblem.make(seed: 5))
        #expect(result.steps > 0)
    }
}

@Suite("spread moves on a CB-CTT instance")
struct SpreadMoveTests {
    @Test("a spread moves a member of a series short of its minimum days from a shared day to a day it lacks")
    func spread() throws {
        var (facts, director, random) = try constructed(CBCTTBenchmarkFolder.instance("comp12").problem(), seed: 3)
        var weights = MoveWeights.standard
        for kind in MoveWeights.Kind.allCases { weights[kind] = kind == .spread ? 1 : 0 }
        let neighbourhood = Neighbourhood(facts, weights: weights)
        let calculator = director.calculator
        var spreads = 0
        for _ in 0..<1_000 {
            guard let move = neighbourhood.next(calculator, &random) else { continue }
            let (session, start): (Int, Int)
            switch move {
            case .changeTime(let moved, let target), .kempeChain(let moved, let target):
                (session, start) = (moved, target)
            default: continue
            }
            let series = facts.seriesOf[session]
            let day = Int(calculator.start[session]) / facts.slotsPerDay
            #expect(series >= 0 && calculator.days(of: series) < facts.seriesMinimumDays[series])
            #expect(calculator.members(of: series, onDay: day) > 1)
            #expect(calculator.members(of: series, onDay: start / facts.slotsPerDay) == 0)
            spreads += 1
        }
        #expect(spreads > 500)
    }
}
