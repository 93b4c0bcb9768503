// Construction heuristic (most constrained first, best place first):
//
//   order the unplaced movable sessions by priority (high first), then by places ÷ (1 + conflict degree)
//   (few places and many rivals first), then by duration (long first)
//   for each session:
//     for each (start, resource) of its domain (a seeded sample when the domain is huge),
//       with the first instructor (and second instructor) free over those slots (else the first candidate):
//       insert, read the score, retract
//     place it at the best place if that beats leaving it unplaced (i.e. breaks no more hard constraints)
//   repair: for each session still unplaced (a queue, at most repairsPerSession × sessions turns):
//     place it at its best place if that breaks nothing more, else at a random place among those breaking the
//     fewest hard constraints, evicting the sessions it clashes with there, unless that still breaks more than
//     before (a quota or a weekly cap, which no eviction of clashing sessions mends); evicted sessions join the
//     queue

/// Places unplaced sessions one by one, each at its best place given those already placed, then repairs
/// with evicting assignments (cpsolver's iterative forward search, briefly).
struct ConstructionHeuristic {
    /// Most (start, resource) pairs evaluated per session.
    var placeLimit = 50_000
    /// Evicting assignments allowed per movable session in the repair pass.
    var repairsPerSession = 3

    /// Places what it can.
    /// - Throws: ``AllocatorError`` `scoreCorruption` in assert mode.
    func run(_ director: inout ScoreDirector, _ random: inout SplitMix64) throws(AllocatorError) {
        let facts = director.facts
        let calculator = director.calculator
        for session in order(facts) where calculator.start[session] < 0 {
            if let (best, _) = places(session, calculator, &random), best.score.hard >= calculator.score.hard {
                director.assign(session, to: best.assignment)
            }
        }
        var queue = facts.movableSessions.filter { calculator.start[$0] < 0 }
        var head = 0
        while head < queue.count && head < repairsPerSession * facts.movableSessions.count {
            let session = queue[head]
            head += 1
            guard calculator.start[session] < 0, let (best, fewestClashes) = places(session, calculator, &random) else {
                continue
            }
            let hard = calculator.score.hard
            if best.score.hard >= hard {
                director.assign(session, to: best.assignment)
            } else if try director.doMove(.assignEvicting(session: session, to: fewestClashes)) {
                if calculator.score.hard < hard {
                    try director.undoMove()
                } else {
                    queue += director.lastChanges.dropFirst().map(\.session)
                }
            }
        }
    }

    /// Evaluates the session's places: the best by score, and a random one among those breaking the fewest
    /// hard constraints (the place to evict from).
    private func places(
        _ session: Int, _ calculator: ScoreCalculator, _ random: inout SplitMix64
    )
        -> (best: (score: Score, assignment: Assignment), fewestClashes: Assignment)?
    {
        let facts = calculator.facts
        let starts = facts.candidateStarts[session]
        let resources = facts.candidateResources[session]
        let pairs = starts.count * resources.count
        var best: (score: Score, assignment: Assignment)? = nil
        var fewest: (hard: Int64, assignment: Assignment, ties: Int)? = nil
        let sampled = pairs > placeLimit
        for index in 0..<(sampled ? placeLimit : pairs) {
            let pair = sampled ? random.below(pairs) : index
            let start = starts[pair / resources.count]
            var assignment = Assignment(start: start, resource: resources[pair % resources.count])
            if facts.needsInstructor[session] {
                assignment.instructor = instructor(
                    among: facts.candidateInstructors[session], session, at: start, calculator)
                if facts.needsSecondInstructor[session] { pickSecond(&assignment, session, calculator) }
            }
            calculator.insert(session, assignment)
            let score = calculator.score
            calculator.retract(session)
            if best.map({ score > $0.score }) ?? true { best = (score, assignment) }
            if fewest.map({ score.hard > $0.hard }) ?? true {
                fewest = (score.hard, assignment, 1)
            } else if let tie = fewest, score.hard == tie.hard {
                fewest?.ties += 1
                if random.below(tie.ties + 1) == 0 { fewest?.assignment = assignment }
            }
        }
        guard let best, let fewest else { return nil }
        return (best, fewest.assignment)
    }

    /// Movable sessions, most constrained first.
    private func order(_ facts: CompiledProblem) -> [Int] {
        var cohortSize = Array(repeating: 0, count: facts.cohortCount)
        for cohorts in facts.cohortsOf {
            for cohort in cohorts { cohortSize[cohort] += 1 }
        }
        var soleInstructorLoad = Array(repeating: 0, count: facts.instructorCount)
        for candidates in facts.candidateInstructors where candidates.count == 1 {
            soleInstructorLoad[candidates[0]] += 1
        }
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

    /// Gives a placed session a free second instructor other than its first one; when the only second candidate
    /// is the first instructor, another first instructor is taken.
    private func pickSecond(_ assignment: inout Assignment, _ session: Int, _ calculator: ScoreCalculator) {
        let facts = calculator.facts
        let seconds = facts.candidateSecondInstructors[session]
        let others = seconds.filter { $0 != assignment.instructor }
        if others.isEmpty, let only = seconds.first {
            assignment.instructor = facts.candidateInstructors[session].first { $0 != only }
            assignment.secondInstructor = only
        } else {
            assignment.secondInstructor = instructor(among: others, session, at: assignment.start, calculator)
        }
    }

    /// The first of `candidates` free over the session's slots from `start`, else the first candidate.
    private func instructor(
        among candidates: [Int], _ session: Int, at start: Int, _ calculator: ScoreCalculator
    ) -> Int? {
        let facts = calculator.facts
        let slots = start..<(start + facts.duration(session, at: start))
        let free = candidates.first { teacher in
            slots.allSatisfy {
                calculator.instructorBusy[teacher * facts.slotCount + $0] == 0
                    && !facts.instructorClosed[teacher * facts.slotCount + $0]
            }
        }
        return free ?? candidates.first
    }
}
