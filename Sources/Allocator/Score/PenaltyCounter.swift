/// Counts every constraint's penalty from scratch by building fresh slot maps; the straightforward
/// counterpart of ``ScoreCalculator`` (see ``ScoreBreakdown``).
struct PenaltyCounter {
    let problem: Problem
    let solution: Solution
    var penalties: [ConstraintID: Int64] = [:]
    private var placed: [(session: Int, assignment: Assignment)] = []

    init(problem: Problem, solution: Solution) {
        self.problem = problem
        self.solution = solution
        placed = solution.assignments.enumerated().compactMap { index, assignment in
            assignment.map { (index, $0) }
        }
    }

    mutating func countAll() {
        for constraint in ConstraintID.allCases { penalties[constraint] = 0 }
        countResources()
        countPeople()
        countQuotas()
        countSeries()
        countSessions()
        countChangeovers()
        countExclusiveHalls()
    }

    mutating func add(_ constraint: ConstraintID, _ amount: Int) {
        penalties[constraint, default: 0] += Int64(amount)
    }

    private func slots(of session: Int, _ assignment: Assignment) -> Range<Int> {
        assignment.start..<(assignment.start + problem.sessions[session].duration(at: assignment.start))
    }

    func units(_ session: Int, _ resource: Int) -> Int {
        let need = problem.sessions[session]
        return need.category == .pilotProduction ? problem.resources[resource].capacity : need.resourceNeed.units
    }

    private mutating func countResources() {
        var load: [Int: Int] = [:]
        var inside: [Int: Int] = [:]
        let slotCount = problem.horizon.slotCount
        for (session, assignment) in placed {
            let resource = assignment.resource
            let closed = Set(problem.resources[resource].unavailableSlots)
            for slot in slots(of: session, assignment) {
                load[resource * slotCount + slot, default: 0] += units(session, resource)
                if closed.contains(slot) { add(.resourceUnavailable, 1) }
                var parent = problem.resources[resource].parent
                while let outer = parent {
                    inside[outer * slotCount + slot, default: 0] += 1
                    parent = problem.resources[outer].parent
                }
            }
        }
        for (cell, used) in load {
            add(.resourceCapacity, max(0, used - problem.resources[cell / slotCount].capacity))
            if used > 0 { add(.resourceCapacity, inside[cell] ?? 0) }
        }
    }

    private mutating func countPeople() {
        var instructorBusy: [Int: Int] = [:]
        var cohortBusy: [Int: Int] = [:]
        var weekLoad: [Int: Int] = [:]
        let slotCount = problem.horizon.slotCount
        for (session, assignment) in placed {
            let teachers = [assignment.instructor, assignment.secondInstructor].compactMap { $0 }
            for slot in slots(of: session, assignment) {
                for cohort in problem.sessions[session].cohorts {
                    cohortBusy[cohort * slotCount + slot, default: 0] += 1
                }
                for teacher in teachers {
                    instructorBusy[teacher * slotCount + slot, default: 0] += 1
                    if problem.instructors[teacher].unavailableSlots.contains(slot) { add(.instructorUnavailable, 1) }
                }
            }
            for teacher in teachers {
                let week = problem.horizon.week(of: assignment.start)
                weekLoad[teacher * problem.horizon.weekCount + week, default: 0] += problem.sessions[session].duration(
                    at: assignment.start)
            }
        }
        for (_, busy) in instructorBusy { add(.instructorConflict, max(0, busy - 1)) }
        for (_, busy) in cohortBusy { add(.cohortConflict, max(0, busy - 1)) }
        for (cell, used) in weekLoad {
            if let cap = problem.instructors[cell / problem.horizon.weekCount].weeklySlotCap {
                add(.instructorWeeklyCap, max(0, used - cap))
            }
        }
        countIsolated(cohortBusy)
    }

    private mutating func countQuotas() {
        for quota in problem.quotas {
            var used = Array(repeating: 0, count: quota.windows.count)
            for session in quota.sessions {
                guard let assignment = solution.assignments[session],
                    quota.resources?.contains(assignment.resource) ?? true,
                    let window = quota.window(of: assignment.start)
                else { continue }
                used[window] += problem.sessions[session].duration(at: assignment.start)
            }
            for (window, slots) in zip(quota.windows, used) { add(.quota, max(0, slots - window.limit)) }
        }
    }

    private mutating func countIsolated(_ cohortBusy: [Int: Int]) {
        let horizon = problem.horizon
        for (cell, busy) in cohortBusy where busy > 0 {
            let slot = cell % horizon.slotCount
            let position = horizon.slotInDay(slot)
            let before = position > 0 ? cohortBusy[cell - 1] ?? 0 : 0
            let after = position + 1 < horizon.slotsPerDay ? cohortBusy[cell + 1] ?? 0 : 0
            if before == 0 && after == 0 { add(.isolatedSlot, busy) }
        }
    }
}
