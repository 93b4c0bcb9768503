/// Builds Kempe chain moves (see the algorithm at the top of `Move.swift`) with reusable scratch buffers,
/// so that expanding a chain allocates nothing. Only the possible rivals of chain members are visited, never
/// every session.
struct KempeChain {
    /// `inChain[session] == stamp` marks the members of the chain being built.
    private var inChain: [Int] = []
    private var stamp = 0
    private var queue: [(session: Int, onOrigin: Bool)] = []

    /// Writes the changes of moving `session` to `target` and its conflict component the other way.
    /// - Returns: `false` when a chain member is pinned, would leave its allowed starts, or nothing moves.
    mutating func expand(
        session: Int, to target: Int, into changes: inout [Change], _ calculator: ScoreCalculator
    )
        -> Bool
    {
        let facts = calculator.facts
        let origin = Int(calculator.start[session])
        guard origin >= 0, origin != target, facts.startAllowed(session, target) else {
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
            let otherSide = Int32(onOrigin ? target : origin)
            for rival in facts.rivals.members(of: member) where inChain[rival] != stamp {
                guard calculator.start[rival] == otherSide, facts.duration[rival] == duration,
                    calculator.peopleClash(member, rival)
                else { continue }
                inChain[rival] = stamp
                queue.append((rival, !onOrigin))
            }
        }
        for (member, onOrigin) in queue {
            guard var assignment = calculator.assignment(of: member), !facts.isPinned[member] else { return false }
            assignment.start = onOrigin ? target : origin
            guard facts.startAllowed(member, assignment.start) else { return false }
            changes.append(Change(session: member, assignment: assignment))
        }
        return true
    }
}
