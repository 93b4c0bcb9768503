extension ScoreCalculator {
    /// Whether `resource` has room for `session` over `slots` in the current solution: open, capacity left,
    /// nothing in use inside it or around it. Read only; taking a resource that is not free breaks a hard
    /// constraint.
    func resourceFree(_ resource: Int, _ session: Int, _ slots: Range<Int>) -> Bool {
        let units = Int32(facts.unitsTaken(session, on: resource))
        let capacity = Int32(facts.capacity[resource])
        let hierarchy = facts.flags.hierarchy
        return slots.allSatisfy { slot in
            let cell = resource * facts.slotCount + slot
            return !facts.resourceClosed[cell] && resourceLoad[cell] + units <= capacity
                && !(hierarchy && resourceInside[cell] > 0)
                && !facts.ancestors[resource].contains { resourceLoad[$0 * facts.slotCount + slot] > 0 }
        }
    }

    /// Whether `teacher` is free over `slots`: not teaching, not away, and under the weekly cap with them.
    func instructorFree(_ teacher: Int, _ slots: Range<Int>) -> Bool {
        let row = teacher * facts.slotCount
        let free = slots.allSatisfy { instructorBusy[row + $0] == 0 && !facts.instructorClosed[row + $0] }
        let cap = facts.weeklyCap[teacher]
        guard free, cap >= 0 else { return free }
        let week = teacher * facts.weekCount + slots.lowerBound / facts.slotsPerWeek
        return Int(instructorWeekLoad[week]) + slots.count <= cap
    }

    /// Whether `cohort` has nothing on over `slots`.
    func cohortFree(_ cohort: Int, _ slots: Range<Int>) -> Bool {
        slots.allSatisfy { cohortBusy[cohort * facts.slotCount + $0] == 0 }
    }
}
