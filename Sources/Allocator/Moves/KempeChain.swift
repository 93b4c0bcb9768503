/// Builds Kempe chain moves (see the algorithm at the top of `Move.swift`) with reusable scratch buffers,
/// so that expanding a chain allocates nothing. Only the possible rivals of chain members are visited, never
/// every session.
struct KempeChain {
    /// `inChain[session] == stamp` marks the members of the chain being built.
    private var inChain: [Int] = []
    private var stamp = 0
    private var queue: [(session: Int, onOrigin: Bool)] = []
    /// Units per resource that chain members leave free (`released`) or take (`claimed`) at the slot whose
    /// arrivals are being housed; `touched` lists the resources to clear afterwards.
    private var released: [Int32] = []
    private var claimed: [Int32] = []
    private var touched: [Int] = []
    /// Indices into `queue` of arrivals whose own resource is taken.
    private var homeless: [Int] = []

    /// Writes the changes of moving `session` to `target` and its conflict component the other way.
    /// - Returns: `false` when a chain member is pinned, would leave its allowed starts, or nothing moves.
    mutating func expand(
        session: Int, to target: Int, into changes: inout [Change], _ calculator: ScoreCalculator
    )
        -> Bool
    {
        let facts = calculator.facts
        let origin = Int(calculator.start[session])
        guard origin >= 0, origin != target, !facts.isPinned[session], facts.startAllowed(session, target) else {
            return false
        }
        if inChain.count != facts.sessionCount { inChain = Array(repeating: 0, count: facts.sessionCount) }
        stamp += 1
        let duration = facts.duration[session]
        queue.removeAll(keepingCapacity: true)
        queue.append((session, true))
        inChain[session] = stamp
        var head = 0
        while head < queue.count {
            let (member, onOrigin) = queue[head]
            head += 1
            let (otherSide, memberSide) = onOrigin ? (target, origin) : (origin, target)
            for rival in facts.rivals.members(of: member) where inChain[rival] != stamp {
                guard calculator.start[rival] == otherSide, facts.duration[rival] == duration,
                    calculator.peopleClash(member, rival)
                else { continue }
                // a member that cannot cross dooms the chain: stop before expanding the rest of it
                guard !facts.isPinned[rival], facts.startAllowed(rival, memberSide) else { return false }
                inChain[rival] = stamp
                queue.append((rival, !onOrigin))
            }
        }
        for (member, onOrigin) in queue {
            guard var assignment = calculator.assignment(of: member) else { return false }
            assignment.start = onOrigin ? target : origin
            changes.append(Change(session: member, assignment: assignment))
        }
        if !facts.flags.hierarchy {
            house(arrivingAt: target, onOrigin: true, &changes, calculator)
            house(arrivingAt: origin, onOrigin: false, &changes, calculator)
        }
        return true
    }

    /// Keeps each member arriving at `slot` in its resource when that stays free there (counting what the
    /// chain's other side leaves), else moves it to the free candidate resource with the least room-size and
    /// room-stability penalty; when none is free it keeps its resource (a clash the acceptor will weigh).
    /// `changes[i]` belongs to `queue[i]`.
    private mutating func house(
        arrivingAt slot: Int, onOrigin: Bool, _ changes: inout [Change], _ calculator: ScoreCalculator
    ) {
        let facts = calculator.facts
        if released.count != facts.resourceCount {
            released = Array(repeating: 0, count: facts.resourceCount)
            claimed = Array(repeating: 0, count: facts.resourceCount)
        }
        for (member, side) in queue where side != onOrigin {
            let resource = Int(calculator.resource[member])
            released[resource] += Int32(facts.unitsTaken(member, on: resource))
            touched.append(resource)
        }
        homeless.removeAll(keepingCapacity: true)
        for index in queue.indices where queue[index].onOrigin == onOrigin {
            let member = queue[index].session
            guard let resource = changes[index].assignment?.resource else { continue }
            if fits(member, resource, at: slot, calculator) {
                claim(member, resource, facts)
            } else {
                homeless.append(index)
            }
        }
        for index in homeless {
            let member = queue[index].session
            var best = -1
            var bestPenalty = Int.max
            for resource in facts.candidateResources[member] where fits(member, resource, at: slot, calculator) {
                let penalty = calculator.roomPenalty(member, on: resource)
                if penalty < bestPenalty { (best, bestPenalty) = (resource, penalty) }
            }
            guard best >= 0 else { continue }
            changes[index].assignment?.resource = best
            claim(member, best, facts)
        }
        for resource in touched { (released[resource], claimed[resource]) = (0, 0) }
        touched.removeAll(keepingCapacity: true)
    }

    /// Whether `member` fits on `resource` over its slots from `slot`, once the chain's leavers are gone and
    /// its earlier arrivals are in.
    private func fits(_ member: Int, _ resource: Int, at slot: Int, _ calculator: ScoreCalculator) -> Bool {
        let facts = calculator.facts
        let units = Int32(facts.unitsTaken(member, on: resource))
        let capacity = Int32(facts.capacity[resource])
        let end = min(facts.slotCount, slot + facts.duration(member, at: slot))
        for cell in (resource * facts.slotCount + slot)..<(resource * facts.slotCount + end) {
            if facts.resourceClosed[cell]
                || calculator.resourceLoad[cell] - released[resource] + claimed[resource] + units > capacity
            {
                return false
            }
        }
        return true
    }

    private mutating func claim(_ member: Int, _ resource: Int, _ facts: CompiledProblem) {
        claimed[resource] += Int32(facts.unitsTaken(member, on: resource))
        touched.append(resource)
    }
}
