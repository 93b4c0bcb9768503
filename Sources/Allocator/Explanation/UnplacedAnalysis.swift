// Reasons for an unplaced session:
//
//   a shared-employee course that does not run         → the seat allocation's reason
//   empty domain: no start fits / no resource has the capabilities, seats, capacity / no instructor has
//                 the skills                            → say which requirement nobody meets
//   otherwise, at each allowed start, look at the current solution:
//     every candidate resource busy or closed?  every candidate instructor busy, away or over the weekly cap?
//     a cohort busy?
//   a blocker present at every start               → "no room with ≥ 40 seats is free on Mon–Fri"
//   else                                           → how many starts each blocker spoils

/// Reads the current solution's tables to say why sessions could not be placed.
struct UnplacedAnalysis {
    let facts: CompiledProblem
    let calculator: ScoreCalculator
    let seatAllocations: [SeatAllocation]

    func reasons(for session: Int) -> [String] {
        let problem = facts.problem
        for allocation in seatAllocations where !allocation.runs {
            let series = problem.sharedCourses[allocation.course].series
            if problem.sessions[session].series == series, let reason = allocation.reason {
                return ["the shared-employee course does not run: \(reason)"]
            }
        }
        let domain = domainReasons(session)
        if !domain.isEmpty { return domain }
        let series = problem.sessions[session].series.map { problem.series[$0] }
        if let series, series.kind == .contiguous {
            return ["the run needs \(series.sessions.count) consecutive days on one resource, and did not fit whole"]
                + blockerReasons(session)
        }
        return blockerReasons(session)
    }

    private func domainReasons(_ session: Int) -> [String] {
        let problem = facts.problem
        let spec = problem.sessions[session]
        var reasons: [String] = []
        if facts.candidateStarts[session].isEmpty {
            reasons.append("no allowed start leaves room for \(spec.duration) slots before the end of the day")
        }
        if facts.candidateResources[session].isEmpty {
            reasons.append("no \(resourceDescription(session)) exists")
        }
        if spec.needsInstructor && facts.candidateInstructors[session].isEmpty {
            reasons.append("no instructor has \(skillDescription(session))")
        }
        return reasons
    }

    private func resourceDescription(_ session: Int) -> String {
        let need = facts.problem.sessions[session].resourceNeed
        var parts: [String] = []
        if !need.capabilities.isEmpty { parts.append("capability " + need.capabilities.joined(separator: " and ")) }
        if need.minimumSeats > 0 { parts.append("≥ \(need.minimumSeats) seats") }
        if need.units > 1 { parts.append("≥ \(need.units) units") }
        let noun = need.eligibleResources != nil ? "allowed resource" : "resource"
        return parts.isEmpty ? noun : noun + " with " + parts.joined(separator: ", ")
    }

    private func skillDescription(_ session: Int) -> String {
        let skills = facts.problem.sessions[session].requiredSkills
        return skills.isEmpty ? "the right to run it" : "skill " + skills.joined(separator: " and ")
    }

    private func blockerReasons(_ session: Int) -> [String] {
        let problem = facts.problem
        let starts = facts.candidateStarts[session]
        var resourceBlocked: [Int] = []
        var instructorBlocked: [Int] = []
        var cohortBlocked: [Int: [Int]] = [:]
        for start in starts {
            let slots = start..<(start + facts.duration(session, at: start))
            if !facts.candidateResources[session].contains(where: { resourceFree($0, session, slots) }) {
                resourceBlocked.append(start)
            }
            if facts.needsInstructor[session]
                && !facts.candidateInstructors[session].contains(where: { instructorFree($0, slots) })
            {
                instructorBlocked.append(start)
            }
            for cohort in facts.cohortsOf[session]
            where slots.contains(where: { calculator.cohortBusy[cohort * facts.slotCount + $0] > 0 }) {
                cohortBlocked[cohort, default: []].append(start)
            }
        }
        let horizon = problem.horizon
        var reasons: [String] = []
        if resourceBlocked.count == starts.count {
            reasons.append("no \(resourceDescription(session)) is free \(horizon.describe(slots: starts))")
        }
        if instructorBlocked.count == starts.count && !starts.isEmpty {
            reasons.append("no instructor with \(skillDescription(session)) is free \(horizon.describe(slots: starts))")
        }
        for (cohort, blocked) in cohortBlocked.sorted(by: { $0.key < $1.key }) where blocked.count == starts.count {
            reasons.append("cohort \(problem.cohorts[cohort].name) is busy at every allowed start")
        }
        if reasons.isEmpty {
            reasons.append(mixedReason(starts.count, resourceBlocked.count, instructorBlocked.count, cohortBlocked))
        }
        return reasons
    }

    private func mixedReason(_ starts: Int, _ resources: Int, _ instructors: Int, _ cohorts: [Int: [Int]]) -> String {
        var parts: [String] = []
        if resources > 0 { parts.append("no resource is free at \(resources)") }
        if instructors > 0 { parts.append("no instructor is free at \(instructors)") }
        for (cohort, blocked) in cohorts.sorted(by: { $0.key < $1.key }) {
            parts.append("cohort \(facts.problem.cohorts[cohort].name) is busy at \(blocked.count)")
        }
        if parts.isEmpty {
            return
                "a free place exists, but taking it breaks a changeover buffer or a pilot run, "
                + "or the search stopped first"
        }
        return "of its \(starts) allowed starts, " + parts.joined(separator: "; ")
    }

    private func resourceFree(_ resource: Int, _ session: Int, _ slots: Range<Int>) -> Bool {
        let units = Int32(facts.unitsTaken(session, on: resource))
        let capacity = Int32(facts.capacity[resource])
        return slots.allSatisfy { slot in
            let cell = resource * facts.slotCount + slot
            let inside = facts.flags.hierarchy ? calculator.resourceInside[cell] : 0
            let outerBusy = facts.ancestors[resource].contains {
                calculator.resourceLoad[$0 * facts.slotCount + slot] > 0
            }
            return !facts.resourceClosed[cell] && calculator.resourceLoad[cell] + units <= capacity && inside == 0
                && !outerBusy
        }
    }

    private func instructorFree(_ teacher: Int, _ slots: Range<Int>) -> Bool {
        let row = teacher * facts.slotCount
        let free = slots.allSatisfy { calculator.instructorBusy[row + $0] == 0 && !facts.instructorClosed[row + $0] }
        let cap = facts.weeklyCap[teacher]
        guard free, cap >= 0 else { return free }
        let week = teacher * facts.weekCount + slots.lowerBound / facts.slotsPerWeek
        return Int(calculator.instructorWeekLoad[week]) + slots.count <= cap
    }
}
