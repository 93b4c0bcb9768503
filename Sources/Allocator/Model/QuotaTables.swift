/// The quotas of a ``Problem`` as lookup tables for the hot loop: which quotas count a session, on
/// which resources, and the window (a cell of ``ScoreCalculator/quotaLoad``) each start falls in.
struct QuotaTables {
    /// Per session: the quotas counting it.
    let quotasOf: [[Int]]
    /// Per quota: `true` at each counted resource; empty when any resource counts.
    private let counted: [[Bool]]
    /// Per quota: the cell of the window holding each slot, -1 outside its windows.
    private let cellAt: [[Int32]]
    /// Per cell (every quota's windows, one after another): the slots the window allows.
    let limit: [Int32]

    init(_ problem: Problem) {
        let slots = problem.horizon.slotCount
        var quotasOf = Array(repeating: [Int](), count: problem.sessions.count)
        var counted: [[Bool]] = []
        var cellAt: [[Int32]] = []
        var limit: [Int32] = []
        for (index, quota) in problem.quotas.enumerated() {
            for session in quota.sessions { quotasOf[session].append(index) }
            var resources: [Bool] = []
            if let listed = quota.resources {
                resources = Array(repeating: false, count: problem.resources.count)
                for resource in listed { resources[resource] = true }
            }
            counted.append(resources)
            var cells = Array(repeating: Int32(-1), count: slots)
            for window in quota.windows {
                for slot in window.start..<window.end { cells[slot] = Int32(limit.count) }
                limit.append(Int32(window.limit))
            }
            cellAt.append(cells)
        }
        self.quotasOf = quotasOf
        self.counted = counted
        self.cellAt = cellAt
        self.limit = limit
    }

    /// The cell counting `session`'s use of `quota` when it starts at `start` on `resource`; `nil`
    /// when the quota does not count it there.
    @inline(__always) func cell(_ quota: Int, start: Int, resource: Int) -> Int? {
        let resources = counted[quota]
        guard resources.isEmpty || resources[resource] else { return nil }
        let cell = cellAt[quota][start]
        return cell >= 0 ? Int(cell) : nil
    }
}
