// Construction heuristic (most constrained first, best place first):
//
//   order the unplaced movable sessions by priority (high first), then by places ÷ (1 + conflict degree)
//   (few places and many rivals first), then by duration (long first)
//   for each session:
//     for each (start, resource) of its domain (a seeded sample when the domain is huge),
//       with the first instructor free over those slots (else the first candidate):
//       insert, read the score, retract
//     place it at the best place if that beats leaving it unplaced (i.e. breaks no more hard constraints)

/// Places unplaced sessions one by one, each at its best place given those already placed.
struct ConstructionHeuristic {
    /// Most (start, resource) pairs evaluated per session.
    var placeLimit = 50_000

    /// Places what it can.
    func run(_ director: inout ScoreDirector, _ random: inout SplitMix64) {
        let facts = director.facts
        let calculator = director.calculator
        for session in order(facts) where calculator.start[session] < 0 {
            let starts = facts.candidateStarts[session]
            let resources = facts.candidateResources[session]
            let pairs = starts.count * resources.count
            var best: (score: Score, assignment: Assignment)? = nil
            let sampled = pairs > placeLimit
            for index in 0..<(sampled ? placeLimit : pairs) {
                let pair = sampled ? random.below(pairs) : index
                let start = starts[pair / resources.count]
                let resource = resources[pair % resources.count]
                let assignment = Assignment(
                    start: start, resource: resource, instructor: instructor(for: session, at: start, calculator))
                calculator.insert(session, assignment)
                let score = calculator.score
                calculator.retract(session)
                if best.map({ score > $0.score }) ?? true { best = (score, assignment) }
            }
            if let best, best.score.hard >= calculator.score.hard {
                director.assign(session, to: best.assignment)
            }
        }
    }

    /// Movable sessions, most constrained first.
    private func order(_ facts: CompiledProblem) -> [Int] {
        var cohortSize = Array(repeating: 0, count: facts.cohortCount)
        for cohorts in facts.cohortsOf {
            for cohort in cohorts { cohortSize[cohort] += 1 }
        }
        var soleInstructorLoad = Array(repeating: 0, count: facts.instructorCount)
        for candidates in facts.candidateInstructors where candidates.count == 1 { soleInstructorLoad[candidates[0]] += 1 }
        let difficulty = facts.movableSessions.map { session -> Double in
            var degree = facts.cohortsOf[session].reduce(0) { $0 + cohortSize[$1] - 1 }
            if facts.candidateInstructors[session].count == 1 {
                degree += soleInstructorLoad[facts.candidateInstructors[session][0]] - 1
            }
            let places = facts.candidateStarts[session].count * facts.candidateResources[session].count
            return Double(places) / Double(1 + degree)
        }
        let ranked = Array(zip(facts.movableSessions, difficulty))
        return ranked.sorted { one, other in
            let (a, b) = (one.0, other.0)
            if facts.priority[a] != facts.priority[b] { return facts.priority[a] > facts.priority[b] }
            if one.1 != other.1 { return one.1 < other.1 }
            if facts.duration[a] != facts.duration[b] { return facts.duration[a] > facts.duration[b] }
            return a < b
        }.map(\.0)
    }

    /// The first candidate instructor free over the session's slots from `start`, else the first candidate.
    private func instructor(for session: Int, at start: Int, _ calculator: ScoreCalculator) -> Int? {
        let facts = calculator.facts
        guard facts.needsInstructor[session] else { return nil }
        let candidates = facts.candidateInstructors[session]
        let slots = start..<(start + facts.duration[session])
        let free = candidates.first { teacher in
            slots.allSatisfy { calculator.instructorBusy[teacher * facts.slotCount + $0] == 0
                && !facts.instructorClosed[teacher * facts.slotCount + $0] }
        }
        return free ?? candidates.first
    }
}
