/// Why a solution scores what it does: the score broken down by constraint and by session, and for each
/// unplaced session the reasons its candidate places failed, written for a person.
public struct Explanation: Sendable, Hashable {
    /// One constraint's share of the score.
    public struct ConstraintTotal: Sendable, Hashable {
        /// The constraint.
        public var constraint: ConstraintID
        /// Unweighted penalty (violations, unplaced priority, or soft units).
        public var penalty: Int64
        /// The penalty times the constraint's weight: what it takes off its score level.
        public var weighted: Int64
    }

    /// One session's share of the score: how much better the score would be without it placed
    /// (ignoring the medium cost of unplacing it).
    public struct SessionImpact: Sendable, Hashable {
        /// Index of the session.
        public var session: Int
        /// Score without the session minus score with it (medium level set to 0).
        public var impact: Score
    }

    /// One unplaced session and why.
    public struct UnplacedSession: Sendable, Hashable {
        /// Index of the session.
        public var session: Int
        /// Its name.
        public var name: String
        /// Sentences, most telling first.
        public var reasons: [Reason]
    }

    /// The score.
    public var score: Score
    /// Constraints with a non-zero penalty, hard first.
    public var constraints: [ConstraintTotal]
    /// Placed sessions with a non-zero impact, worst first.
    public var sessions: [SessionImpact]
    /// Unplaced sessions with their reasons, by session index.
    public var unplaced: [UnplacedSession]

    /// Explains a solution.
    /// - Parameters:
    ///   - problem: The problem solved.
    ///   - solution: The solution to explain.
    ///   - seatAllocations: The seat allocations of the solve, to explain courses that do not run.
    /// - Throws: ``AllocatorError`` when the problem is invalid.
    public init(problem: Problem, solution: Solution, seatAllocations: [SeatAllocation] = []) throws(AllocatorError) {
        let facts = try CompiledProblem(problem)
        let breakdown = ScoreBreakdown(problem: problem, solution: solution)
        score = breakdown.score
        constraints = ConstraintID.allCases.compactMap { constraint in
            let penalty = breakdown.penalties[constraint] ?? 0
            guard penalty != 0 else { return nil }
            let weight = Int64(ScoreBreakdown.weight(of: constraint, in: problem.weights))
            return ConstraintTotal(constraint: constraint, penalty: penalty, weighted: penalty * weight)
        }
        var director = ScoreDirector(facts, solution: solution)
        sessions = Self.impacts(&director)
        let analysis = UnplacedAnalysis(facts: facts, calculator: director.calculator, seatAllocations: seatAllocations)
        unplaced = solution.unplacedSessions.map { session in
            UnplacedSession(
                session: session,
                name: problem.sessions[session].name,
                reasons: analysis.reasons(for: session)
            )
        }
    }

    private static func impacts(_ director: inout ScoreDirector) -> [SessionImpact] {
        let total = director.score
        var impacts: [SessionImpact] = []
        for session in 0..<director.facts.sessionCount {
            guard let assignment = director.calculator.assignment(of: session) else { continue }
            director.assign(session, to: nil)
            var impact = director.score - total
            impact.medium = 0
            director.assign(session, to: assignment)
            if impact != .zero { impacts.append(SessionImpact(session: session, impact: impact)) }
        }
        return impacts.sorted { ($0.impact, $1.session) > ($1.impact, $0.session) }
    }
}
