// Reasons for an unplaced session:
//
//   a shared-employee course that does not run         → the seat allocation's reason
//   empty domain: no start fits / no resource has the capabilities, seats, capacity / no instructor has
//                 the skills                            → say which requirement nobody meets
//   otherwise, at each allowed start, look at the current solution:
//     every candidate resource busy or closed?  every candidate instructor (first, then second) busy, away or
//     over the weekly cap?  a cohort busy?  its organization's quota used up?
//   a group meeting together with its siblings → "its groups must meet at the same time" first
//   a blocker present at every start               → "no room with ≥ 40 seats is free on Mon–Fri"
//   else                                           → how many starts each blocker spoils

/// Reads the current solution's tables to say why sessions could not be placed, in English and Chinese.
struct UnplacedAnalysis {
    let facts: CompiledProblem
    let calculator: ScoreCalculator
    let seatAllocations: [SeatAllocation]

    func reasons(for session: Int) -> [Reason] {
        let problem = facts.problem
        for allocation in seatAllocations where !allocation.runs {
            let series = problem.sharedCourses[allocation.course].series
            if problem.sessions[session].series == series, let reason = allocation.reason {
                return [
                    Reason(
                        english: "the shared-employee course does not run: \(reason.english)",
                        chinese: "共享员工课程不开班：\(reason.chinese)")
                ]
            }
        }
        let domain = domainReasons(session)
        if !domain.isEmpty { return domain }
        let series = problem.sessions[session].series.map { problem.series[$0] }
        if let series, series.kind == .contiguous {
            let days = series.sessions.count
            return [
                Reason(
                    english: "the run needs \(days) consecutive days on one resource, and did not fit whole",
                    chinese: "该批次需要在同一资源上连续\(days)天，无法整体排入")
            ] + blockerReasons(session)
        }
        let together = facts.simultaneousOf[session]
        if together >= 0 {
            let groups = facts.seriesMembers[together].count
            return [
                Reason(
                    english: "its \(groups) groups must meet at the same time, each on its own place",
                    chinese: "其\(groups)个小组须在同一时间各自在不同位置上课")
            ] + blockerReasons(session)
        }
        return blockerReasons(session)
    }

    private func domainReasons(_ session: Int) -> [Reason] {
        let problem = facts.problem
        let spec = problem.sessions[session]
        var reasons: [Reason] = []
        if facts.candidateStarts[session].isEmpty {
            reasons.append(
                Reason(
                    english: "no allowed start leaves room for \(spec.duration) slots before the end of the day",
                    chinese: "没有任何允许的开始时间能在当天结束前留出\(spec.duration)个时段"))
        }
        if facts.candidateResources[session].isEmpty {
            let resource = resourceDescription(session)
            reasons.append(Reason(english: "no \(resource.english) exists", chinese: "没有\(resource.chinese)"))
        }
        if spec.needsInstructor && facts.candidateInstructors[session].isEmpty {
            let skill = skillDescription(session)
            reasons.append(Reason(english: "no instructor has \(skill.english)", chinese: "没有教师具备\(skill.chinese)"))
        }
        let firsts = facts.candidateInstructors[session]
        if let second = spec.secondInstructor, !firsts.isEmpty,
            !facts.candidateSecondInstructors[session].contains(where: { one in firsts.contains { $0 != one } })
        {
            let skill = Self.skills(second.requiredSkills)
            reasons.append(
                Reason(
                    english: "no second instructor (another person) has \(skill.english)",
                    chinese: "没有另一位教师具备\(skill.chinese)作为第二教师"))
        }
        return reasons
    }

    private func resourceDescription(_ session: Int) -> Reason {
        let need = facts.problem.sessions[session].resourceNeed
        var english: [String] = []
        var chinese: [String] = []
        if !need.capabilities.isEmpty {
            english.append("capability " + need.capabilities.joined(separator: " and "))
            chinese.append("能力" + need.capabilities.joined(separator: "和"))
        }
        if need.minimumSeats > 0 {
            english.append("≥ \(need.minimumSeats) seats")
            chinese.append("至少\(need.minimumSeats)个座位")
        }
        if need.units > 1 {
            english.append("≥ \(need.units) units")
            chinese.append("至少\(need.units)个工位")
        }
        let allowed = need.eligibleResources != nil
        let noun = Reason(english: allowed ? "allowed resource" : "resource", chinese: allowed ? "允许的资源" : "资源")
        guard !english.isEmpty else { return noun }
        return Reason(
            english: noun.english + " with " + english.joined(separator: ", "),
            chinese: "具备" + chinese.joined(separator: "、") + "的" + noun.chinese)
    }

    private func skillDescription(_ session: Int) -> Reason {
        Self.skills(facts.problem.sessions[session].requiredSkills)
    }

    private static func skills(_ skills: [String]) -> Reason {
        guard !skills.isEmpty else { return Reason(english: "the right to run it", chinese: "授课资格") }
        return Reason(
            english: "skill " + skills.joined(separator: " and "), chinese: "技能" + skills.joined(separator: "和"))
    }

    private func blockerReasons(_ session: Int) -> [Reason] {
        let problem = facts.problem
        let starts = facts.candidateStarts[session]
        var resourceBlocked: [Int] = []
        var instructorBlocked: [Int] = []
        var secondBlocked: [Int] = []
        var cohortBlocked: [Int: [Int]] = [:]
        var quotaBlocked: [Int: Int] = [:]
        for start in starts {
            let slots = start..<(start + facts.duration(session, at: start))
            if !facts.candidateResources[session].contains(where: { calculator.resourceFree($0, session, slots) }) {
                resourceBlocked.append(start)
            }
            if facts.needsInstructor[session]
                && !facts.candidateInstructors[session].contains(where: { calculator.instructorFree($0, slots) })
            {
                instructorBlocked.append(start)
            }
            if facts.needsSecondInstructor[session]
                && !facts.candidateSecondInstructors[session].contains(where: { calculator.instructorFree($0, slots) })
            {
                secondBlocked.append(start)
            }
            for cohort in facts.cohortsOf[session] where !calculator.cohortFree(cohort, slots) {
                cohortBlocked[cohort, default: []].append(start)
            }
            for quota in facts.quotas.quotasOf[session] where quotaFull(quota, session, slots) {
                quotaBlocked[quota, default: 0] += 1
            }
        }
        let when = problem.horizon.describe(slots: starts)
        var reasons: [Reason] = []
        if resourceBlocked.count == starts.count {
            let resource = resourceDescription(session)
            reasons.append(
                Reason(
                    english: "no \(resource.english) is free \(when.english)",
                    chinese: "\(when.chinese)没有空闲的\(resource.chinese)"))
        }
        if instructorBlocked.count == starts.count && !starts.isEmpty {
            let skill = skillDescription(session)
            reasons.append(
                Reason(
                    english: "no instructor with \(skill.english) is free \(when.english)",
                    chinese: "\(when.chinese)没有具备\(skill.chinese)的空闲教师"))
        }
        if let second = problem.sessions[session].secondInstructor, secondBlocked.count == starts.count,
            !starts.isEmpty
        {
            let skill = Self.skills(second.requiredSkills)
            reasons.append(
                Reason(
                    english: "no second instructor with \(skill.english) is free \(when.english)",
                    chinese: "\(when.chinese)没有具备\(skill.chinese)的空闲第二教师"))
        }
        for (cohort, blocked) in cohortBlocked.sorted(by: { $0.key < $1.key }) where blocked.count == starts.count {
            let name = problem.cohorts[cohort].name
            reasons.append(
                Reason(
                    english: "cohort \(name) is busy at every allowed start",
                    chinese: "班级\(name)在所有允许的时间都有安排"))
        }
        for (quota, blocked) in quotaBlocked.sorted(by: { $0.key < $1.key }) where blocked == starts.count {
            let name = problem.quotas[quota].name
            reasons.append(
                Reason(
                    english: "its organization's quota \(name) has no hours left for it at any allowed start",
                    chinese: "其所属单位的配额「\(name)」在所有允许的时间都已无剩余学时"))
        }
        if reasons.isEmpty {
            reasons.append(
                mixedReason(
                    starts.count, resourceBlocked.count, Set(instructorBlocked + secondBlocked).count, cohortBlocked))
        }
        return reasons
    }

    private func mixedReason(_ starts: Int, _ resources: Int, _ instructors: Int, _ cohorts: [Int: [Int]]) -> Reason {
        var english: [String] = []
        var chinese: [String] = []
        if resources > 0 {
            english.append("no resource is free at \(resources)")
            chinese.append("\(resources)个没有空闲资源")
        }
        if instructors > 0 {
            english.append("no instructor is free at \(instructors)")
            chinese.append("\(instructors)个没有空闲教师")
        }
        for (cohort, blocked) in cohorts.sorted(by: { $0.key < $1.key }) {
            let name = facts.problem.cohorts[cohort].name
            english.append("cohort \(name) is busy at \(blocked.count)")
            chinese.append("\(blocked.count)个班级\(name)有安排")
        }
        guard !english.isEmpty else {
            return Reason(
                english: "a free place exists, but taking it breaks a changeover buffer or a pilot run, "
                    + "or the search stopped first",
                chinese: "存在空位，但占用它会破坏换型缓冲或中试批次，或搜索已先行结束")
        }
        return Reason(
            english: "of its \(starts) allowed starts, " + english.joined(separator: "; "),
            chinese: "在\(starts)个允许的开始时间中，" + chinese.joined(separator: "；"))
    }

    /// Whether `quota` leaves no room for the session at `slots` on any of its candidate resources.
    private func quotaFull(_ quota: Int, _ session: Int, _ slots: Range<Int>) -> Bool {
        facts.candidateResources[session].allSatisfy { resource in
            guard let cell = facts.quotas.cell(quota, start: slots.lowerBound, resource: resource) else { return false }
            return Int(calculator.quotaLoad[cell]) + slots.count > Int(facts.quotas.limit[cell])
        }
    }
}
