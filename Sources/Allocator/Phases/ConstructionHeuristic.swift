// Construction heuristic (most constrained first, best place first):
//
//   order the unplaced movable sessions by priority (high first), then by places ÷ (1 + conflict degree)
//   (few places and many rivals first), then by duration (long first)
//   for each session:
//     for each (start, resource) of its domain (when the domain is huge: its weekly series' placed members'
//       weekday, time and resource in every week, then the domain in a seeded order until enough are scored),
//       passing over, once a place breaking nothing is known, places whose resource, instructor or cohort clash
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
    /// Most (start, resource) pairs scored per session; a larger domain is visited in a seeded order until
    /// this many are scored (a session free to go anywhere in an 18-week term has some 80,000). Above every
    /// CB-CTT domain of comp01–21 (at most 500 periods × rooms), which is scored whole.
    var placeLimit = 1_000
    /// Most (start, resource) pairs visited per session, scored or passed over.
    var visitLimit = 4_000
    /// Most pairs scored per session in the repair pass (every turn of a session that fits nowhere scores
    /// this many).
    var repairPlaceLimit = 250
    /// Placed members of a weekly series whose weekday, time and resource a sampled member tries first.
    var seriesAnchors = 3
    /// Evicting assignments allowed per movable session in the repair pass.
    var repairsPerSession = 3

    /// Places what it can.
    /// - Throws: ``AllocatorError`` `scoreCorruption` in assert mode.
    func run(_ director: inout ScoreDirector, _ random: inout SplitMix64) throws(AllocatorError) {
        let facts = director.facts
        let calculator = director.calculator
        for session in order(facts) where calculator.start[session] < 0 {
            if let (best, _) = places(session, calculator, &random, scoring: placeLimit),
                best.score.hard >= calculator.score.hard
            {
                director.assign(session, to: best.assignment)
            }
        }
        var queue = facts.movableSessions.filter { calculator.start[$0] < 0 }
        var head = 0
        while head < queue.count && head < repairsPerSession * facts.movableSessions.count {
            let session = queue[head]
            head += 1
            guard calculator.start[session] < 0,
                let (best, fewestClashes) = places(session, calculator, &random, scoring: repairPlaceLimit)
            else { continue }
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
    /// hard constraints (the place to evict from). Once a place breaks nothing, places that surely break
    /// something (a clash on the resource, an instructor or a cohort) are passed over unscored. A huge domain
    /// (but a pilot run's) is visited in a seeded order, after the places lined up with its weekly series' placed members, until
    /// `limit` places are scored or `visitLimit` visited.
    private func places(
        _ session: Int, _ calculator: ScoreCalculator, _ random: inout SplitMix64, scoring limit: Int
    )
        -> (best: (score: Score, assignment: Assignment), fewestClashes: Assignment)?
    {
        let facts = calculator.facts
        let starts = facts.candidateStarts[session]
        let resources = facts.candidateResources[session]
        let pairs = starts.count * resources.count
        let hard = calculator.score.hard
        var best: (score: Score, assignment: Assignment)? = nil
        var fewest: (hard: Int64, assignment: Assignment, ties: Int)? = nil
        var scored = 0
        func evaluate(_ start: Int, _ resource: Int, _ random: inout SplitMix64) {
            let slots = start..<(start + facts.duration(session, at: start))
            let cleanFound = best.map { $0.score.hard >= hard } ?? false
            if cleanFound
                && !(facts.cohortsOf[session].allSatisfy { calculator.cohortFree($0, slots) }
                    && calculator.resourceFree(resource, session, slots))
            {
                return
            }
            var assignment = Assignment(start: start, resource: resource)
            if facts.needsInstructor[session] {
                assignment.instructor = instructor(
                    among: facts.candidateInstructors[session], session, at: start, calculator)
                if facts.needsSecondInstructor[session] { pickSecond(&assignment, session, calculator) }
                if cleanFound
                    && !((assignment.instructor.map { calculator.instructorFree($0, slots) } ?? true)
                        && (assignment.secondInstructor.map { calculator.instructorFree($0, slots) } ?? true))
                {
                    return
                }
            }
            scored += 1
            let totals = calculator.savedTotals
            calculator.insert(session, assignment)
            let score = calculator.score
            calculator.retract(session, scored: false)
            calculator.restore(totals)
            if best.map({ score > $0.score }) ?? true { best = (score, assignment) }
            if fewest.map({ score.hard > $0.hard }) ?? true {
                fewest = (score.hard, assignment, 1)
            } else if let tie = fewest, score.hard == tie.hard {
                fewest?.ties += 1
                if random.below(tie.ties + 1) == 0 { fewest?.assignment = assignment }
            }
        }
        // a pilot run's days line up on one resource only when its members take the first free place in order
        let series = facts.seriesOf[session]
        let sampled = pairs > limit && !(series >= 0 && facts.seriesKind[series] == .contiguous)
        var (offset, step) = (0, 1)
        if sampled {
            for (start, resource) in seriesPlaces(session, calculator) { evaluate(start, resource, &random) }
            (offset, step) = (random.below(pairs), Self.coprimeStep(pairs, &random))
        }
        for index in 0..<(sampled ? min(pairs, visitLimit) : pairs) {
            guard !sampled || scored < limit else { break }
            let pair = (offset + index * step) % pairs
            evaluate(starts[pair / resources.count], resources[pair % resources.count], &random)
        }
        guard let best, let fewest else { return nil }
        return (best, fewest.assignment)
    }

    /// A random step coprime with `count`: adding it `count` times modulo `count` visits every index once.
    private static func coprimeStep(_ count: Int, _ random: inout SplitMix64) -> Int {
        func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
        var step = 1 + random.below(count - 1)
        while gcd(step, count) != 1 { step = step % (count - 1) + 1 }
        return step
    }

    /// The places on the weekday, time and resource of the placed members of the session's weekly series, in
    /// every week (from the first few members placed apart).
    private func seriesPlaces(_ session: Int, _ calculator: ScoreCalculator) -> [(start: Int, resource: Int)] {
        let facts = calculator.facts
        let series = facts.seriesOf[session]
        guard series >= 0, facts.seriesKind[series] == .weekly else { return [] }
        var seen: [Int] = []
        var places: [(start: Int, resource: Int)] = []
        for member in facts.seriesMembers[series] where calculator.start[member] >= 0 && seen.count < seriesAnchors {
            let time = Int(calculator.start[member]) % facts.slotsPerWeek
            let resource = Int(calculator.resource[member])
            let anchor = time * facts.resourceCount + resource
            guard !seen.contains(anchor), facts.resourceAllowed[session * facts.resourceCount + resource] else {
                continue
            }
            seen.append(anchor)
            for start in stride(from: time, to: facts.slotCount, by: facts.slotsPerWeek)
            where facts.startAllowed(session, start) {
                places.append((start, resource))
            }
        }
        return places
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
