extension ScoreCalculator {
    /// Adds (`sign` 1) or removes (`sign` -1) a session's contribution to every counter table, updating the
    /// totals by each touched cell's penalty after the change minus before it; unscored, the cohort counts
    /// change without their penalties (the dearest part: a CB-CTT course sits in up to 42 curricula).
    @inline(__always) func update(_ session: Int, _ assignment: Assignment, sign: Int32, scored: Bool) {
        let facts = self.facts
        let flags = facts.flags
        let weights = facts.weights
        let first = assignment.start
        let end = first + facts.duration(session, at: first)
        let category = facts.category[session]

        let series = facts.seriesOf[session]
        if flags.contiguousSeries && series >= 0 && facts.seriesKind[series] == .contiguous {
            // a pilot run is worth nothing until every day of it is placed
            let size = Int32(facts.seriesMembers[series].count)
            let wasWhole = seriesPlaced[series] == size
            seriesPlaced[series] += sign
            if wasWhole != (seriesPlaced[series] == size) {
                totals[1] += (wasWhole ? 1 : -1) * facts.seriesPriority[series]
            }
        } else {
            totals[1] -= Int64(sign) * Int64(facts.priority[session])
        }
        if flags.organizationFairness && facts.priority[session] > 0 {
            let index = category * facts.organizationCount + facts.organization[session]
            let before = Int64(organizationUnplaced[index])
            organizationUnplaced[index] -= sign
            let after = before - Int64(sign)
            totals[2] += Int64(weights.organizationFairness) * (after * after - before * before)
        }
        updateResource(session, assignment.resource, first, end, sign: sign)
        if flags.quotas {
            updateQuotas(session, assignment.resource, first, end, sign: sign)
        }
        if let teacher = assignment.instructor {
            updateInstructor(teacher, first, end, sign: sign)
        }
        if let second = assignment.secondInstructor {
            updateInstructor(second, first, end, sign: sign)
        }
        if scored {
            updateCohorts(facts.cohortsOf[session], first, end, sign: sign)
        } else {
            countCohorts(facts.cohortsOf[session], first, end, sign: sign)
        }
        if series >= 0 {
            updateSeries(series, first, assignment.resource, sign: sign)
        }
        if flags.categoryShare {
            let before = sharePenalty(category)
            categoryUsed[category] += sign * Int32(facts.unitsTaken(session, on: assignment.resource) * (end - first))
            totals[2] += sharePenalty(category) - before
        }
        var soft =
            Int64(weights.roomSize) * Int64(facts.roomSizePenalty[session * facts.resourceCount + assignment.resource])
        if flags.preferences {
            soft += Int64(weights.preferredTime) * Int64(facts.preference(session, at: first))
        }
        if flags.leastChange, let previous = facts.previous[session],
            previous.start != first || previous.resource != assignment.resource
        {
            soft += Int64(weights.leastChange)
        }
        totals[2] += Int64(sign) * soft
    }

    /// The weighted share penalty of one category at its current use.
    func sharePenalty(_ category: Int) -> Int64 {
        let used = Int(categoryUsed[category])
        let below = max(0, facts.shareMinimum[category] - used)
        let above = max(0, used - facts.shareMaximum[category])
        return Int64(facts.weights.categoryShare * (below + above))
    }

    @inline(__always) private func updateResource(
        _ session: Int,
        _ resource: Int,
        _ first: Int,
        _ end: Int,
        sign: Int32
    ) {
        let facts = self.facts
        let slots = facts.slotCount
        let units = Int32(facts.unitsTaken(session, on: resource))
        let capacity = Int32(facts.capacity[resource])
        let hierarchy = facts.flags.hierarchy
        var hard: Int64 = 0
        for slot in first..<end {
            let cell = resource * slots + slot
            let before = resourcePenalty(cell, capacity, hierarchy)
            resourceLoad[cell] += sign * units
            hard += resourcePenalty(cell, capacity, hierarchy) - before
            if hierarchy {
                for ancestor in facts.ancestors[resource] {
                    let outer = ancestor * slots + slot
                    let outerCapacity = Int32(facts.capacity[ancestor])
                    let outerBefore = resourcePenalty(outer, outerCapacity, true)
                    resourceInside[outer] += sign
                    hard += resourcePenalty(outer, outerCapacity, true) - outerBefore
                }
            }
            if facts.flags.resourceClosures && facts.resourceClosed[cell] { hard += Int64(sign) }
        }
        totals[0] += hard
    }

    /// Units over capacity, plus, when the resource is in use, the sessions using resources inside it.
    @inline(__always) private func resourcePenalty(_ cell: Int, _ capacity: Int32, _ hierarchy: Bool) -> Int64 {
        let load = resourceLoad[cell]
        var penalty = Int64(max(0, load - capacity))
        if hierarchy && load > 0 { penalty += Int64(resourceInside[cell]) }
        return penalty
    }

    @inline(__always) private func updateInstructor(_ teacher: Int, _ first: Int, _ end: Int, sign: Int32) {
        let facts = self.facts
        let row = teacher * facts.slotCount
        var hard: Int64 = 0
        for slot in first..<end {
            hard += conflictDelta(instructorBusy, row + slot, sign: sign)
            if facts.flags.instructorClosures && facts.instructorClosed[row + slot] { hard += Int64(sign) }
        }
        let cap = Int32(facts.weeklyCap[teacher])
        if cap >= 0 {
            let week = teacher * facts.weekCount + first / facts.slotsPerWeek
            let before = max(0, instructorWeekLoad[week] - cap)
            instructorWeekLoad[week] += sign * Int32(end - first)
            hard += Int64(max(0, instructorWeekLoad[week] - cap) - before)
        }
        totals[0] += hard
    }

    @inline(__always) private func updateQuotas(_ session: Int, _ resource: Int, _ first: Int, _ end: Int, sign: Int32)
    {
        let quotas = facts.quotas
        var hard: Int64 = 0
        for quota in quotas.quotasOf[session] {
            guard let cell = quotas.cell(quota, start: first, resource: resource) else { continue }
            let limit = quotas.limit[cell]
            let before = max(0, quotaLoad[cell] - limit)
            quotaLoad[cell] += sign * Int32(end - first)
            hard += Int64(max(0, quotaLoad[cell] - limit) - before)
        }
        totals[0] += hard
    }

    /// Changes a busy counter by `sign` and returns the change in its conflict penalty `max(0, busy - 1)`.
    @inline(__always) private func conflictDelta(_ table: CountTable<Int32>, _ cell: Int, sign: Int32) -> Int64 {
        let before = table[cell]
        table[cell] = before &+ sign
        return sign > 0 ? (before >= 1 ? 1 : 0) : (before >= 2 ? -1 : 0)
    }

    /// Changes the busy counters of every cohort of a session over `first..<end` by `sign`: cohort conflicts
    /// (hard) and, under the isolated-slot rule, lone busy slots (soft). The day's bounds and the weight are
    /// worked out once for all the cohorts: a CB-CTT course may belong to dozens of curricula.
    @inline(__always) private func updateCohorts(_ cohorts: [Int], _ first: Int, _ end: Int, sign: Int32) {
        guard !cohorts.isEmpty else { return }
        let facts = self.facts
        let slots = facts.slotCount
        var hard: Int64 = 0
        guard facts.flags.isolatedSlot else {
            for cohort in cohorts {
                let row = cohort * slots
                for slot in first..<end { hard += conflictDelta(cohortBusy, row + slot, sign: sign) }
            }
            totals[0] += hard
            return
        }
        let dayStart = first - first % facts.slotsPerDay
        var lone: Int64 = 0
        if end == first + 1 {
            // wrapping arithmetic, no overflow checks: every cell lies within the table, and each cohort adds
            // at most a few units to the sums
            for cohort in cohorts {
                let row = cohort &* slots
                lone &+= isolationDelta(row, first, dayStart, sign: sign)
                hard &+= conflictDelta(cohortBusy, row &+ first, sign: sign)
            }
        } else {
            let low = max(dayStart, first - 1)
            let high = min(dayStart + facts.slotsPerDay - 1, end)
            for cohort in cohorts {
                let row = cohort * slots
                let before = isolatedSessions(row, low, high, dayStart)
                for slot in first..<end { hard += conflictDelta(cohortBusy, row + slot, sign: sign) }
                lone += isolatedSessions(row, low, high, dayStart) - before
            }
        }
        totals[0] += hard
        totals[2] += Int64(facts.weights.isolatedSlot) * lone
    }

    /// Changes the busy counters of every cohort of a session over `first..<end` by `sign`, leaving the totals
    /// as they are.
    @inline(__always) private func countCohorts(_ cohorts: [Int], _ first: Int, _ end: Int, sign: Int32) {
        let slots = facts.slotCount
        for cohort in cohorts {
            let row = cohort &* slots
            for slot in first..<end { cohortBusy[row &+ slot] &+= sign }
        }
    }

    /// The change in lone busy slots when one slot's busy count changes by `sign` (the one-slot case of
    /// ``isolatedSessions(_:_:_:_:)``, read from the five cells around it); the count is not changed here.
    ///
    /// With `left`, `right` the neighbours' counts and `farLeft`, `farRight` the next ones out (0 beyond the
    /// day): a lone cell changes its own share by `sign`; a cell turning empty or busy also makes or unmakes a
    /// neighbour that has no other neighbour lone. The cells are read before the day's bounds are looked at
    /// (``cohortBusy`` has a margin of two), so that the bounds are selects rather than branches.
    @inline(__always) private func isolationDelta(_ row: Int, _ slot: Int, _ dayStart: Int, sign: Int32) -> Int64 {
        let cell = row &+ slot
        let position = slot &- dayStart
        let last = facts.slotsPerDay &- 1
        let (nearLeft, nearRight) = (cohortBusy[cell &- 1], cohortBusy[cell &+ 1])
        let (outerLeft, outerRight) = (cohortBusy[cell &- 2], cohortBusy[cell &+ 2])
        let left = position > 0 ? nearLeft : 0
        let right = position < last ? nearRight : 0
        let farLeft = position > 1 ? outerLeft : 0
        let farRight = position &+ 1 < last ? outerRight : 0
        let before = cohortBusy[cell]
        let lone: Int32 = left | right == 0 ? 1 : 0
        let loneNeighbours = (farLeft == 0 ? left : 0) &+ (farRight == 0 ? right : 0)
        let turns = before == 0 || before &+ sign == 0
        return Int64(sign &* (lone &- (turns ? loneNeighbours : 0)))
    }

    /// Sessions in lone busy slots among `low...high` of one cohort's row (slots of the day starting at
    /// `dayStart`).
    @inline(__always) private func isolatedSessions(_ row: Int, _ low: Int, _ high: Int, _ dayStart: Int) -> Int64 {
        let dayEnd = dayStart + facts.slotsPerDay
        var count: Int64 = 0
        for slot in low...high {
            let busy = cohortBusy[row + slot]
            if busy == 0 { continue }
            if slot > dayStart && cohortBusy[row + slot - 1] > 0 { continue }
            if slot + 1 < dayEnd && cohortBusy[row + slot + 1] > 0 { continue }
            count += Int64(busy)
        }
        return count
    }
}
