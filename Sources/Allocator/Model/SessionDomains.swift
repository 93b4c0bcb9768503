/// The candidate places of every session, filtered once by the rules that never depend on other sessions:
/// starts that fit inside a day and are allowed, resources with the capabilities, seats and capacity
/// asked for, instructors (and second instructors) with all the required skills. Also the static soft penalties
/// of each choice.
struct SessionDomains {
    var starts: [[Int]] = []
    var resources: [[Int]] = []
    var instructors: [[Int]] = []
    var secondInstructors: [[Int]] = []
    var startAllowed: [Bool] = []
    var resourceAllowed: [Bool] = []
    var instructorAllowed: [Bool] = []
    /// Filled only when some session needs a second instructor (the CB-CTT path keeps it empty).
    var secondInstructorAllowed: [Bool] = []
    var preferencePenalty: [Int32] = []
    var roomSizePenalty: [Int32] = []

    init(_ problem: Problem) {
        let horizon = problem.horizon
        let slotCount = horizon.slotCount
        let resourceCapabilities = problem.resources.map { Set($0.capabilities) }
        let instructorSkills = problem.instructors.map { Set($0.skills) }
        let anySecond = problem.sessions.contains { $0.secondInstructor != nil }
        for session in problem.sessions {
            let fits = (session.allowedStarts ?? Array(0..<slotCount)).filter {
                horizon.slotInDay($0) + session.duration(at: $0) <= horizon.slotsPerDay
            }
            let sessionStarts = Array(Set(fits)).sorted()
            starts.append(sessionStarts)
            var allowed = Array(repeating: false, count: slotCount)
            for start in sessionStarts { allowed[start] = true }
            startAllowed += allowed

            let need = session.resourceNeed
            let capabilities = Set(need.capabilities)
            let eligible = need.eligibleResources.map(Set.init)
            let sessionResources = problem.resources.indices.filter { index in
                let resource = problem.resources[index]
                return capabilities.isSubset(of: resourceCapabilities[index]) && resource.seats >= need.minimumSeats
                    && resource.capacity >= need.units && (eligible?.contains(index) ?? true)
            }
            resources.append(sessionResources)
            resourceAllowed += problem.resources.indices.map { sessionResources.contains($0) }
            roomSizePenalty += problem.resources.map {
                $0.seats > 0 ? Int32(max(0, session.participants - $0.seats)) : 0
            }

            let sessionInstructors =
                session.needsInstructor
                ? Self.qualified(session.requiredSkills, session.eligibleInstructors, instructorSkills) : []
            instructors.append(sessionInstructors)
            instructorAllowed += problem.instructors.indices.map { sessionInstructors.contains($0) }
            let seconds = session.secondInstructor.map {
                Self.qualified($0.requiredSkills, $0.eligibleInstructors, instructorSkills)
            }
            secondInstructors.append(seconds ?? [])
            if anySecond {
                secondInstructorAllowed += problem.instructors.indices.map { seconds?.contains($0) ?? false }
            }
            preferencePenalty += Self.preferencePenalties(session, horizon)
        }
    }

    /// The instructors holding every skill, among the eligible ones when a list is given.
    private static func qualified(_ skills: [String], _ eligible: [Int]?, _ held: [Set<String>]) -> [Int] {
        let needed = Set(skills)
        let allowed = eligible.map(Set.init)
        return held.indices.filter { needed.isSubset(of: held[$0]) && (allowed?.contains($0) ?? true) }
    }

    /// Unmet preferences for each start: one for a start outside the preferred starts, one for a day outside
    /// the preferred days.
    private static func preferencePenalties(_ session: Session, _ horizon: Horizon) -> [Int32] {
        let preferredStarts = Set(session.preferredStarts)
        let preferredDays = Set(session.preferredDays)
        return (0..<horizon.slotCount).map { start in
            var penalty: Int32 = 0
            if !preferredStarts.isEmpty && !preferredStarts.contains(start) { penalty += 1 }
            if !preferredDays.isEmpty && !preferredDays.contains(horizon.day(of: start)) { penalty += 1 }
            return penalty
        }
    }
}
