// Ruin and recreate (after Schrimpf et al.'s ruin-and-recreate, with a related removal in the manner of Shaw's;
// the rules are ours):
//
//   ruin:     the placed session s and every other placed, movable session that starts on s's day and holds
//             one cohort c of s (drawn at random); with no cohort, s alone
//   recreate: in a random order, each ruined session takes the best-scoring place (hard, then medium, then
//             soft; ties drawn at random) among its candidate starts where none of its cohorts or instructors
//             is busy, each on the free candidate resource with the least room-size and room-stability penalty
//             (nested resources: its own); when one of them finds no such place (another took its old one),
//             the move is refused and nothing changes. A session with more than 64 candidate starts tries 64
//             of them, evenly spread from a random one, and its old start
//
// A whole day of one cohort is rebuilt at once, which single moves and swaps reach only through worse
// timetables; the acceptor then weighs the result like any other move.

/// Does ruin-and-recreate moves on the score director's change lists.
enum RuinAndRecreate {
    /// The most starts a ruined session tries: a CB-CTT week has at most 45, a term of half-hour slots
    /// thousands; beyond, it tries this many spread evenly from a random one, and its old start.
    static let maximumStarts = 64

    /// Does the move of `session`, ruining one of its cohort's days, with the order and ties drawn from
    /// `seed`: writes the ruined sessions' new assignments into `changes` and their old ones into `undo`.
    /// - Returns: `.impossible` (nothing changed) when `session` is unplaced or pinned; `.clashes` when a ruined
    ///   session finds no free place, with the rebuild left half done for `undo` to revert.
    static func run(
        session: Int, seed: UInt64, changes: inout [Change], undo: inout [Change], _ calculator: ScoreCalculator
    ) -> ScoreDirector.Attempt {
        let facts = calculator.facts
        guard let old = calculator.assignment(of: session), !facts.isPinned[session] else { return .impossible }
        var random = SplitMix64(seed: seed)
        changes.removeAll(keepingCapacity: true)
        changes.append(Change(session: session, assignment: old))
        let cohorts = facts.cohortsOf[session]
        if !cohorts.isEmpty {
            let cohort = cohorts[random.below(cohorts.count)]
            let day = old.start / facts.slotsPerDay
            for other in facts.rivals.members(of: session) {
                let start = Int(calculator.start[other])
                guard start >= 0, start / facts.slotsPerDay == day, !facts.isPinned[other],
                    facts.cohortsOf[other].contains(cohort)
                else { continue }
                changes.append(Change(session: other, assignment: calculator.assignment(of: other)))
            }
        }
        for index in changes.indices.dropLast() {
            changes.swapAt(index, index + random.below(changes.count - index))
        }
        undo.removeAll(keepingCapacity: true)
        undo.append(contentsOf: changes)
        for change in changes { calculator.retract(change.session) }
        for index in changes.indices {
            let member = changes[index].session
            guard let place = bestPlace(member, like: changes[index].assignment!, calculator, &random) else {
                return .clashes
            }
            calculator.insert(member, place)
            changes[index].assignment = place
        }
        return .done
    }

    /// The best-scoring free place of the unplaced `member`, keeping `old`'s instructors; `nil` when none.
    private static func bestPlace(
        _ member: Int, like old: Assignment, _ calculator: ScoreCalculator, _ random: inout SplitMix64
    ) -> Assignment? {
        var best: Assignment?
        var bestCost = (Int64.max, Int64.max, Int64.max)
        var ties = 0
        let starts = calculator.facts.candidateStarts[member]
        let tried = min(starts.count, Self.maximumStarts)
        let sampled = tried < starts.count
        let offset = sampled ? random.below(starts.count) : 0
        for index in 0..<(sampled ? tried + 1 : tried) {
            let start = index == tried ? old.start : starts[(offset + index * starts.count / tried) % starts.count]
            guard peopleFree(member, old, at: start, calculator),
                let resource = freeResource(member, preferring: old.resource, at: start, calculator)
            else { continue }
            var place = old
            place.start = start
            place.resource = resource
            calculator.insert(member, place)
            let cost = (calculator.totals[0], calculator.totals[1], calculator.totals[2])
            calculator.retract(member)
            if cost < bestCost {
                (best, bestCost, ties) = (place, cost, 1)
            } else if cost == bestCost {
                ties += 1
                if random.below(ties) == 0 { best = place }
            }
        }
        return best
    }

    /// Whether none of `member`'s cohorts and none of `place`'s instructors is busy over its slots from `start`.
    private static func peopleFree(
        _ member: Int, _ place: Assignment, at start: Int, _ calculator: ScoreCalculator
    ) -> Bool {
        let facts = calculator.facts
        let slots = facts.slotCount
        let end = min(slots, start + facts.duration(member, at: start))
        for cohort in facts.cohortsOf[member] {
            for slot in start..<end where calculator.cohortBusy[cohort * slots + slot] > 0 { return false }
        }
        func teaching(_ teacher: Int?) -> Bool {
            guard let teacher else { return false }
            return (start..<end).contains { calculator.instructorBusy[teacher * slots + $0] > 0 }
        }
        return !teaching(place.instructor) && !teaching(place.secondInstructor)
    }

    /// The candidate resource free for `member` over its slots from `start` with the least room penalty,
    /// `preferred` on a tie; with nested resources `preferred` itself; `nil` when none is free.
    private static func freeResource(
        _ member: Int, preferring preferred: Int, at start: Int, _ calculator: ScoreCalculator
    ) -> Int? {
        let facts = calculator.facts
        if facts.flags.hierarchy { return preferred }
        var best: Int?
        var bestPenalty = Int.max
        for resource in facts.candidateResources[member] where calculator.fits(member, on: resource, at: start) {
            let penalty = calculator.roomPenalty(member, on: resource)
            if penalty < bestPenalty || (penalty == bestPenalty && resource == preferred) {
                (best, bestPenalty) = (resource, penalty)
            }
        }
        return best
    }
}

extension ScoreCalculator {
    /// Whether `member` fits on `resource` over its slots from `start`: open, and with the units it takes left.
    func fits(_ member: Int, on resource: Int, at start: Int) -> Bool {
        let units = Int32(facts.unitsTaken(member, on: resource))
        let capacity = Int32(facts.capacity[resource])
        let end = min(facts.slotCount, start + facts.duration(member, at: start))
        for cell in (resource * facts.slotCount + start)..<(resource * facts.slotCount + end) {
            if facts.resourceClosed[cell] || resourceLoad[cell] + units > capacity { return false }
        }
        return true
    }

    /// The room-size penalty of `member` on `resource`, plus the room-stability weight when its series holds no
    /// other member there.
    func roomPenalty(_ member: Int, on resource: Int) -> Int {
        var penalty = Int(facts.roomSizePenalty[member * facts.resourceCount + resource]) * facts.weights.roomSize
        let series = facts.seriesOf[member]
        if facts.flags.roomStability && series >= 0 && seriesResource[series * facts.resourceCount + resource] == 0 {
            penalty += facts.weights.roomStability
        }
        return penalty
    }
}
