// Neighbourhood: draws one random move per call.
//
//   if sessions are unplaced and a coin says so: assign an unplaced session to a random place,
//        half of the time evicting the sessions that clash with it there
//   else pick a kind by weight: place (time + resource), time, resource, instructor, second instructor, swap,
//        Kempe chain, whole series, unassign, ejection, ruin and recreate, spread; draw its session(s) and
//        value(s) uniformly from their domains (an ejection: a random place, and the session starting there on
//        that resource to a random start on it; ruin and recreate: a session and a seed for its random
//        choices; a spread: a series short of its minimum days, one of its members sharing a day to a day with
//        none of them, as a time change or a Kempe chain; none short: another kind)
//
// The weights are SolverConfiguration.moveWeights; kinds a problem cannot use (no instructor choice, no
// series, no series with a minimum of days) get weight 0, and with no kind left a session gets a random place.
// With SolverConfiguration.adaptiveMoves the weights are an AdaptiveMix's, which the local search reweighs.

/// Weighted random generator of ``Move``s over the movable sessions of a problem.
struct Neighbourhood {
    private let facts: CompiledProblem
    private let kinds = MoveWeights.Kind.allCases
    /// The kind of each draw below the sum of the weights, each kind as many times as its weight, in the order
    /// of `kinds` (a lookup rather than a search of cumulative weights; a weight is at most
    /// ``MoveWeights/maximum``).
    private let kindOfDraw: [MoveWeights.Kind]
    /// The weight of every kind but `spread` (the last kind), drawn from when there is nothing to spread.
    private let othersTotal: Int
    private let movableSeries: [Int]
    /// Spread series with a minimum of two days or more and a movable member.
    private let spreadSeries: [Int]
    /// The weights that adapt, when the search's do; `nil`: the fixed weights above.
    let mix: AdaptiveMix?

    init(_ facts: CompiledProblem, weights: MoveWeights = .standard, adaptive: Bool = false) {
        self.facts = facts
        let movable = Set(facts.movableSessions)  // not pinned, and with a candidate place
        movableSeries = (0..<facts.seriesCount).filter { series in
            facts.seriesMembers[series].count > 1 && facts.seriesMembers[series].allSatisfy(movable.contains)
        }
        spreadSeries = (0..<facts.seriesCount).filter { series in
            facts.flags.minimumDays && facts.seriesKind[series] == .spread && facts.seriesMinimumDays[series] > 1
                && facts.seriesMembers[series].contains(where: movable.contains)
        }
        let instructorChoice = facts.movableSessions.contains { facts.candidateInstructors[$0].count > 1 }
        let secondChoice = facts.movableSessions.contains { facts.candidateSecondInstructors[$0].count > 1 }
        var weights = weights
        if !instructorChoice { weights[.instructor] = 0 }
        if !secondChoice { weights[.secondInstructor] = 0 }
        if movableSeries.isEmpty { weights[.series] = 0 }
        if spreadSeries.isEmpty { weights[.spread] = 0 }
        kindOfDraw = kinds.flatMap { kind in Array(repeating: kind, count: weights[kind]) }
        othersTotal = kindOfDraw.count - weights[.spread]
        mix = adaptive ? AdaptiveMix(standard: kinds.map { weights[$0] }) : nil
    }

    /// Draws a move; `nil` when the problem has nothing to move.
    func next(_ calculator: ScoreCalculator, _ random: inout SplitMix64) -> Move? {
        let movable = facts.movableSessions
        guard !movable.isEmpty else { return nil }
        let session = movable[random.below(movable.count)]
        mix?.lastKind = nil
        if calculator.totals[1] > 0 && random.below(4) == 0, let move = assignUnplaced(calculator, &random) {
            return move
        }
        let total = mix?.cumulative.last ?? kindOfDraw.count
        guard calculator.start[session] >= 0, total > 0 else { return randomPlace(session, calculator, &random) }
        return move(kind(drawn: random.below(total)), session, calculator, &random)
    }

    /// The kind whose share of the weights holds `draw` (counted by the mix, if any).
    private func kind(drawn draw: Int) -> MoveWeights.Kind {
        guard let mix else { return kindOfDraw[draw] }
        let index = mix.cumulative.firstIndex { draw < $0 } ?? 0
        mix.drew(index)
        return kinds[index]
    }

    private func move(
        _ kind: MoveWeights.Kind, _ session: Int, _ calculator: ScoreCalculator, _ random: inout SplitMix64
    ) -> Move {
        switch kind {
        case .place: return randomPlace(session, calculator, &random)
        case .time: return .changeTime(session: session, start: pick(facts.candidateStarts[session], &random))
        case .resource:
            return .changeResource(session: session, resource: seriesResource(session, calculator, &random))
        case .instructor:
            let candidates = facts.candidateInstructors[session]
            guard candidates.count > 1 else { return randomPlace(session, calculator, &random) }
            return .changeInstructor(session: session, instructor: pick(candidates, &random))
        case .secondInstructor:
            let candidates = facts.candidateSecondInstructors[session]
            guard candidates.count > 1 else { return randomPlace(session, calculator, &random) }
            return .changeSecondInstructor(session: session, instructor: pick(candidates, &random))
        case .swap: return .swap(session, facts.movableSessions[random.below(facts.movableSessions.count)])
        case .kempeChain: return .kempeChain(session: session, start: pick(facts.candidateStarts[session], &random))
        case .series: return randomSeriesMove(&random)
        case .unassign: return .unassign(session: session)
        case .eject: return ejection(session, calculator, &random)
        case .ruinAndRecreate: return .ruinAndRecreate(session: session, seed: random.next())
        case .spread:
            if let move = spreading(calculator, &random) { return move }
            let others = mix?.othersTotal ?? othersTotal
            guard others > 0 else { return randomPlace(session, calculator, &random) }
            return self.move(self.kind(drawn: random.below(others)), session, calculator, &random)
        }
    }

    /// A member of a random series short of its minimum days, on a day it shares with another member, to a
    /// random start on a day holding none of the series (half of the time as a Kempe chain); `nil` when a few
    /// draws find none.
    private func spreading(_ calculator: ScoreCalculator, _ random: inout SplitMix64) -> Move? {
        for _ in 0..<4 {
            let series = spreadSeries[random.below(spreadSeries.count)]
            guard calculator.days(of: series) < facts.seriesMinimumDays[series] else { continue }
            let members = facts.seriesMembers[series]
            let offset = random.below(members.count)
            for index in members.indices {
                let member = members[(index + offset) % members.count]
                let start = Int(calculator.start[member])
                guard start >= 0, !facts.isPinned[member],
                    calculator.members(of: series, onDay: start / facts.slotsPerDay) > 1
                else { continue }
                let starts = facts.candidateStarts[member]
                for _ in 0..<8 {
                    let target = pick(starts, &random)
                    guard calculator.members(of: series, onDay: target / facts.slotsPerDay) == 0 else { continue }
                    return random.below(2) == 0
                        ? .changeTime(session: member, start: target) : .kempeChain(session: member, start: target)
                }
                return nil
            }
        }
        return nil
    }

    /// A random place for `session`; when another movable session starts there on the same resource, it moves
    /// to a random start on that resource (instructors kept).
    private func ejection(_ session: Int, _ calculator: ScoreCalculator, _ random: inout SplitMix64) -> Move {
        let assignment = randomAssignment(session, calculator, &random)
        let (start, resource) = (Int32(assignment.start), Int32(assignment.resource))
        guard
            let occupant = facts.movableSessions.first(where: {
                calculator.start[$0] == start && calculator.resource[$0] == resource && $0 != session
            }),
            var elsewhere = calculator.assignment(of: occupant)
        else { return .assign(session: session, to: assignment) }
        elsewhere.start = pick(facts.candidateStarts[occupant], &random)
        return .eject(session: session, to: assignment, occupant: occupant, elsewhere: elsewhere)
    }

    /// Half of the time the resource of another placed member of the session's series (room stability),
    /// else a random candidate resource.
    private func seriesResource(_ session: Int, _ calculator: ScoreCalculator, _ random: inout SplitMix64) -> Int {
        let series = facts.seriesOf[session]
        if series >= 0 && random.below(2) == 0 {
            let members = facts.seriesMembers[series]
            let resource = Int(calculator.resource[members[random.below(members.count)]])
            if resource >= 0 { return resource }
        }
        return pick(facts.candidateResources[session], &random)
    }

    private func pick(_ values: [Int], _ random: inout SplitMix64) -> Int {
        values[random.below(values.count)]
    }

    /// Places `session` at a random assignment.
    private func randomPlace(_ session: Int, _ calculator: ScoreCalculator, _ random: inout SplitMix64) -> Move {
        .assign(session: session, to: randomAssignment(session, calculator, &random))
    }

    /// A random start and resource; the instructors are kept when placed, else drawn anew.
    private func randomAssignment(
        _ session: Int, _ calculator: ScoreCalculator, _ random: inout SplitMix64
    ) -> Assignment {
        let start = pick(facts.candidateStarts[session], &random)
        let resource = pick(facts.candidateResources[session], &random)
        var place = Assignment(start: start, resource: resource)
        if facts.needsInstructor[session] {
            let current = Int(calculator.instructor[session])
            place.instructor = current >= 0 ? current : pick(facts.candidateInstructors[session], &random)
        }
        if facts.needsSecondInstructor[session] {
            let current = Int(calculator.secondInstructor[session])
            place.secondInstructor = current >= 0 ? current : pick(facts.candidateSecondInstructors[session], &random)
        }
        return place
    }

    /// A few random draws for an unplaced session, placed at random, evicting what clashes half of the time;
    /// `nil` when no unplaced session is found quickly.
    private func assignUnplaced(_ calculator: ScoreCalculator, _ random: inout SplitMix64) -> Move? {
        let movable = facts.movableSessions
        for _ in 0..<8 {
            let session = movable[random.below(movable.count)]
            guard calculator.start[session] < 0 else { continue }
            let assignment = randomAssignment(session, calculator, &random)
            return random.below(2) == 0
                ? .assignEvicting(session: session, to: assignment) : .assign(session: session, to: assignment)
        }
        return nil
    }

    /// Shifts a random series by a day or a slot either way, on a random common resource half of the time.
    private func randomSeriesMove(_ random: inout SplitMix64) -> Move {
        let series = movableSeries[random.below(movableSeries.count)]
        let step = random.below(2) == 0 ? facts.slotsPerDay : 1
        let shift = random.below(2) == 0 ? step : -step
        let first = facts.seriesMembers[series][0]
        let resource = random.below(2) == 0 ? pick(facts.candidateResources[first], &random) : nil
        return .moveSeries(series: series, shift: shift, resource: resource)
    }
}
