extension ScoreCalculator {
    /// Whether a move's changes, each taking a placed session to a new place, certainly put one of them where
    /// one of its cohorts or instructors is busy, or where its resource has no units left.
    ///
    /// Leaves the solution and its counts unchanged (the scratch ``cohortLeft`` is cleared before it returns),
    /// and is cheaper than doing and undoing the move: each cell of a new place is counted as the
    /// moved sessions leave it, without the others' new places (which can only add to it). When no hard
    /// constraint is broken, a `true` means that the move would break one. `false` proves nothing (closures,
    /// quotas, nested resources and weekly caps are not looked at); a change that places or unplaces a
    /// session gives `false`.
    func clashes(_ changes: [Change]) -> Bool {
        guard changes.allSatisfy({ $0.assignment != nil && start[$0.session] >= 0 }) else { return false }
        var marked = false
        defer { if marked { markCohortsLeft(by: changes, sign: -1) } }
        return changes.contains { change in
            change.assignment.map { clashes(change.session, at: $0, leaving: changes, marked: &marked) } ?? false
        }
    }

    /// Adds `sign` to ``cohortLeft`` at every cohort cell the changes' sessions hold now.
    private func markCohortsLeft(by changes: [Change], sign: Int32) {
        let slots = facts.slotCount
        for change in changes {
            let first = Int(start[change.session])
            let end = first + facts.duration(change.session, at: first)
            for cohort in facts.cohortsOf[change.session] {
                for slot in first..<end { cohortLeft[cohort * slots + slot] += sign }
            }
        }
    }

    /// The resource first (one cell per slot, and on CB-CTT the likeliest clash), then the instructors, then
    /// every cohort (a CB-CTT course sits in up to 42 curricula).
    /// With more than two changes, the sessions leaving a busy cohort cell are counted in ``cohortLeft``, marked
    /// at the first such cell (`marked`) and cleared by the caller.
    private func clashes(
        _ session: Int, at assignment: Assignment, leaving changes: [Change], marked: inout Bool
    ) -> Bool {
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
                if changes.count <= 2 {
                    if cohortBusy[row + slot] > leaving(cohort, slot, session, changes) { return true }
                    continue
                }
                if !marked {
                    markCohortsLeft(by: changes, sign: 1)
                    marked = true
                }
                if cohortBusy[row + slot] > cohortLeft[row + slot] { return true }
            }
        }
        return false
    }

    /// The changes' sessions holding `slot` of `cohort` now, counted one by one (cheaper than marking for a
    /// move of one or two sessions); `session` is one of them and belongs to `cohort`.
    @inline(__always) private func leaving(_ cohort: Int, _ slot: Int, _ session: Int, _ changes: [Change]) -> Int32 {
        var count: Int32 = 0
        for change in changes where holds(change.session, slot) {
            let other = change.session
            if other == session
                || (facts.cohortOverlap.contains(session, other) && facts.cohortsOf[other].contains(cohort))
            {
                count += 1
            }
        }
        return count
    }

    /// Whether the placed `session` covers `slot` now.
    @inline(__always) private func holds(_ session: Int, _ slot: Int) -> Bool {
        let first = Int(start[session])
        return first >= 0 && first <= slot && slot < first + facts.duration(session, at: first)
    }
}
