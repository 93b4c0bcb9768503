import Testing

@testable import Allocator

/// Scores a solution both from scratch and incrementally (inserting the sessions one by one), expects the two
/// to agree, and returns the from-scratch breakdown.
func checkedBreakdown(_ problem: Problem, _ assignments: [Assignment?]) throws -> ScoreBreakdown {
    let solution = Solution(assignments: assignments)
    let breakdown = ScoreBreakdown(problem: problem, solution: solution)
    let director = ScoreDirector(try CompiledProblem(problem), solution: solution)
    #expect(director.score == breakdown.score, "incremental \(director.score) vs full \(breakdown.score)")
    return breakdown
}

/// Constructs a solution of `problem`, then does 400 random moves drawn with `weights` (undoing every third)
/// with the score director asserting after each that the incremental score equals a full rescore.
func checkMovesKeepScore(_ problem: Problem, seed: UInt64, weights: MoveWeights = .standard) throws {
    let facts = try CompiledProblem(problem)
    var director = ScoreDirector(
        facts, solution: Solution(sessionCount: problem.sessions.count), assertFullScore: true)
    var random = SplitMix64(seed: seed)
    try ConstructionHeuristic().run(&director, &random)
    let neighbourhood = Neighbourhood(facts, weights: weights)
    for step in 0..<400 {
        guard let move = neighbourhood.next(director.calculator, &random) else { continue }
        do {
            if try director.doMove(move), step % 3 == 0 { try director.undoMove() }
        } catch {
            Issue.record("seed \(seed) step \(step) \(move): \(error)")
            return
        }
    }
}

/// The penalty of one constraint in a solution, checked incrementally too.
func penalty(_ constraint: ConstraintID, _ problem: Problem, _ assignments: [Assignment?]) throws -> Int64 {
    try checkedBreakdown(problem, assignments).penalties[constraint] ?? 0
}

/// A problem over one day of `slots` slots with the given resources and sessions, all soft weights 1.
func smallProblem(
    slots: Int = 8,
    days: Int = 1,
    resources: [Resource] = [Resource(name: "room", seats: 40)],
    instructors: [Instructor] = [],
    cohorts: Int = 0,
    sessions: [Session],
    series: [Series] = []
) -> Problem {
    Problem(
        horizon: Horizon(days: days, slotsPerDay: slots),
        resources: resources,
        instructors: instructors,
        cohorts: (0..<cohorts).map { Cohort(name: "cohort\($0)") },
        organizations: ["school", "enterprise"],
        sessions: sessions,
        series: series
    )
}
