extension PenaltyCounter {
    mutating func countSeries() {
        let horizon = problem.horizon
        for series in problem.series {
            let members = series.sessions.compactMap { session in solution.assignments[session].map { (session, $0) } }
            switch series.kind {
            case .contiguous:
                // a run placed in part counts as not placed at all: its placed days cost too
                if members.count < series.sessions.count {
                    add(.unplaced, members.reduce(0) { $0 + problem.sessions[$1.0].priority })
                }
                for (earlier, later) in zip(series.sessions, series.sessions.dropFirst()) {
                    guard let first = solution.assignments[earlier], let second = solution.assignments[later] else {
                        continue
                    }
                    let nextDay = horizon.day(of: second.start) == horizon.day(of: first.start) + 1
                    if !nextDay || first.resource != second.resource { add(.contiguousSeries, 1) }
                }
            case .weekly:
                add(.seriesTimeStability, max(0, Set(members.map { $0.1.start % horizon.slotsPerWeek }).count - 1))
                add(.roomStability, max(0, Set(members.map(\.1.resource)).count - 1))
            case .spread:
                add(.roomStability, max(0, Set(members.map(\.1.resource)).count - 1))
                add(.minimumDays, max(0, series.minimumDays - Set(members.map { horizon.day(of: $0.1.start) }).count))
            case .simultaneous:
                for (position, one) in members.enumerated() {
                    for other in members[(position + 1)...] where other.1.start != one.1.start {
                        add(.simultaneousSeries, 1)
                    }
                }
            }
        }
    }

    mutating func countSessions() {
        let horizon = problem.horizon
        var unplacedByOrganization: [Int: Int] = [:]
        var used = Array(repeating: 0, count: SessionCategory.allCases.count)
        for (index, session) in problem.sessions.enumerated() {
            guard let assignment = solution.assignments[index] else {
                if session.priority > 0 {
                    add(.unplaced, session.priority)
                    unplacedByOrganization[session.category.index * 1_000_000 + session.organization, default: 0] += 1
                }
                continue
            }
            if !session.preferredStarts.isEmpty && !session.preferredStarts.contains(assignment.start) {
                add(.preferredTime, 1)
            }
            if !session.preferredDays.isEmpty && !session.preferredDays.contains(horizon.day(of: assignment.start)) {
                add(.preferredTime, 1)
            }
            let seats = problem.resources[assignment.resource].seats
            if seats > 0 { add(.roomSize, max(0, session.participants - seats)) }
            if let previous = problem.previous?.assignments[index],
                previous.start != assignment.start || previous.resource != assignment.resource
            {
                add(.leastChange, 1)
            }
            used[session.category.index] += units(index, assignment.resource) * session.duration(at: assignment.start)
        }
        for (_, count) in unplacedByOrganization { add(.organizationFairness, count * count) }
        countShares(used)
    }

    private mutating func countShares(_ used: [Int]) {
        let policy = problem.categoryPolicy
        guard policy.isActive else { return }
        let slotCount = problem.horizon.slotCount
        let open = problem.resources.reduce(0) { $0 + $1.capacity * (slotCount - Set($1.unavailableSlots).count) }
        for category in SessionCategory.allCases {
            let minimum = (policy.minimumPercent[category.index] * open + 99) / 100
            let maximum = policy.maximumPercent[category.index] * open / 100
            let value = used[category.index]
            add(.categoryShare, max(0, minimum - value) + max(0, value - maximum))
        }
    }

    mutating func countChangeovers() {
        for (resourceIndex, resource) in problem.resources.enumerated() {
            let buffers = problem.sessions.contains { $0.bufferBefore > 0 || $0.bufferAfter > 0 }
            guard let changeover = resource.changeover ?? (buffers ? Changeover() : nil) else { continue }
            let here = solution.assignments.enumerated().compactMap { index, assignment in
                assignment?.resource == resourceIndex ? (index, assignment!) : nil
            }
            for (position, (one, first)) in here.enumerated() {
                for (other, second) in here[(position + 1)...] {
                    add(.changeover, violates(changeover, one, first, other, second) ? 1 : 0)
                }
            }
        }
    }

    private func violates(
        _ changeover: Changeover, _ one: Int, _ first: Assignment, _ other: Int, _ second: Assignment
    )
        -> Bool
    {
        let sessions = problem.sessions
        let firstEnd = first.start + sessions[one].duration(at: first.start)
        let secondEnd = second.start + sessions[other].duration(at: second.start)
        if firstEnd <= second.start {
            return second.start - firstEnd
                < max(
                    changeover.buffer(from: sessions[one].category, to: sessions[other].category),
                    sessions[one].bufferAfter, sessions[other].bufferBefore)
        }
        if secondEnd <= first.start {
            return first.start - secondEnd
                < max(
                    changeover.buffer(from: sessions[other].category, to: sessions[one].category),
                    sessions[other].bufferAfter, sessions[one].bufferBefore)
        }
        return false
    }
}
