extension ScoreCalculator {
    /// Whether a move's changes, each taking a placed session to a new place, certainly put one of them where
    /// one of its cohorts or instructors is busy, or where its resource has no units left.
    ///
    /// Read only, and cheaper than doing and undoing the move: each cell of a new place is counted as the
    /// moved sessions leave it, without the others' new places (which can only add to it). When no hard
    /// constraint is broken, a `true` means that the move would break one. `false` proves nothing (closures,
    /// quotas, nested resources and weekly caps are not looked at); a change that places or unplaces a
    /// session gives `false`.
    func clashes(_ changes: [Change]) -> Bool {
        guard changes.allSatisfy({ $0.assignment != nil && start[$0.session] >= 0 }) else { return false }
        return changes.contains { change in
            change.assignment.map { clashes(change.session, at: $0, leaving: changes) } ?? false
        }
    }

    /// The resource first (one cell per slot, and on CB-CTT the likeliest clash), then the instructors, then
    /// every cohort (a CB-CTT course sits in up to 42 curricula).
    private func clashes(_ session: Int, at assignment: Assignment, leaving changes: [Change]) -> Bool {
        let facts = self.facts
        let slots = facts.slotCount
        let first = assignment.start
        let end = first + facts.duration(session, at: first)
        let room = assignment.resource
        let spare = facts.capacity[room] - facts.unitsTaken(session, on: room)
        let resourceRow = room * slots
        for slot in first..<end where Int(resourceLoad[resourceRow + slot]) > spare {
            var load = Int(resourceLoad[resourceRow + slot])
            for change in changes where Int(resource[change.session]) == room && holds(change.session, slot) {
                load -= facts.unitsTaken(change.session, on: room)
            }
            if load > spare { return true }
        }
        func instructorClashes(_ teacher: Int?) -> Bool {
            guard let teacher else { return false }
            let row = teacher * slots
            for slot in first..<end where instructorBusy[row + slot] > 0 {
                let leaving = changes.count {
                    holds($0.session, slot)
                        && (Int(instructor[$0.session]) == teacher || Int(secondInstructor[$0.session]) == teacher)
                }
                if Int(instructorBusy[row + slot]) > leaving { return true }
            }
            return false
        }
        if instructorClashes(assignment.instructor) || instructorClashes(assignment.secondInstructor) { return true }
        for cohort in facts.cohortsOf[session] {
            let row = cohort * slots
            for slot in first..<end where cohortBusy[row + slot] > 0 {
                let leaving = changes.count { holds($0.session, slot) && facts.cohortsOf[$0.session].contains(cohort) }
                if Int(cohortBusy[row + slot]) > leaving { return true }
            }
        }
        return false
    }

    /// Whether the placed `session` covers `slot` now.
    @inline(__always) private func holds(_ session: Int, _ slot: Int) -> Bool {
        let first = Int(start[session])
        return first >= 0 && first <= slot && slot < first + facts.duration(session, at: first)
    }
}
