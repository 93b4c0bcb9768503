/// Builds Kempe chain moves (see the algorithm at the top of `Move.swift`) with reusable scratch buffers,
/// so that expanding a chain allocates nothing.
struct KempeChain {
    private var sideA: [Int] = []
    private var sideB: [Int] = []
    private var inChainA: [Bool] = []
    private var inChainB: [Bool] = []
    private var queue: [(session: Int, onA: Bool)] = []

    /// Writes the changes of moving `session` to `target` and its conflict component the other way.
    /// - Returns: `false` when a chain member is pinned, would leave its allowed starts, or nothing moves.
    mutating func expand(session: Int, to target: Int, into changes: inout [Change], _ calculator: ScoreCalculator)
        -> Bool
    {
        let facts = calculator.facts
        let origin = Int(calculator.start[session])
        guard origin >= 0, origin != target, facts.startAllowed[session * facts.slotCount + target] else {
            return false
        }
        let duration = facts.duration[session]
        sideA.removeAll(keepingCapacity: true)
        sideB.removeAll(keepingCapacity: true)
        for other in 0..<facts.sessionCount where facts.duration[other] == duration {
            let start = Int(calculator.start[other])
            if start == origin { sideA.append(other) } else if start == target { sideB.append(other) }
        }
        inChainA.removeAll(keepingCapacity: true)
        inChainA.append(contentsOf: repeatElement(false, count: sideA.count))
        inChainB.removeAll(keepingCapacity: true)
        inChainB.append(contentsOf: repeatElement(false, count: sideB.count))
        queue.removeAll(keepingCapacity: true)
        guard let first = sideA.firstIndex(of: session) else { return false }
        inChainA[first] = true
        queue.append((session, true))
        var head = 0
        while head < queue.count {
            let (member, onA) = queue[head]
            head += 1
            let other = onA ? sideB : sideA
            for (index, candidate) in other.enumerated() where !(onA ? inChainB[index] : inChainA[index]) {
                guard calculator.peopleClash(member, candidate) else { continue }
                if onA { inChainB[index] = true } else { inChainA[index] = true }
                queue.append((candidate, !onA))
            }
        }
        for (member, onA) in queue {
            guard var assignment = calculator.assignment(of: member), !facts.isPinned[member] else { return false }
            assignment.start = onA ? target : origin
            guard facts.startAllowed[member * facts.slotCount + assignment.start] else { return false }
            changes.append(Change(session: member, assignment: assignment))
        }
        return true
    }
}
