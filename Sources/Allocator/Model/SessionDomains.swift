/// The candidate places of every session, filtered once by the rules that never depend on other sessions:
/// starts that fit inside a day and are allowed, resources with the capabilities, seats and capacity
/// asked for, instructors (and second instructors) with all the required skills. Also the static soft penalties
/// of each choice. Sessions free to start anywhere share one list of starts per length, and only sessions
/// with time preferences get a row of preference penalties, so a term of 2,000 sessions over 3,500 slots
/// holds no sessions × slots table but one bit per start.
struct SessionDomains {
    var starts: [[Int]] = []
    var resources: [[Int]] = []
    var instructors: [[Int]] = []
    var secondInstructors: [[Int]] = []
    /// Bit `start % 64` of word `session * startWords + start / 64`: whether the session may start there.
    var startBits: [UInt64] = []
    let startWords: Int
    var resourceAllowed: [Bool] = []
    var instructorAllowed: [Bool] = []
    /// Filled only when some session needs a second instructor (the CB-CTT path keeps it empty).
    var secondInstructorAllowed: [Bool] = []
    /// Per session: its row of `preferencePenalty`, -1 when it has no time preference.
    var preferenceRow: [Int32] = []
    /// Unmet preferences by start, one row of slots per session with preferences.
    var preferencePenalty: [UInt8] = []
    var roomSizePenalty: [Int32] = []

    init(_ problem: Problem) {
        let horizon = problem.horizon
        let slotCount = horizon.slotCount
        let resourceCapabilities = problem.resources.map { Set($0.capabilities) }
        let instructorSkills = problem.instructors.map { Set($0.skills) }
        let anySecond = problem.sessions.contains { $0.secondInstructor != nil }
        var anywhere: [Int: [Int]] = [:]  // starts that fit, by length, for sessions without allowed starts
        startWords = (slotCount + 63) / 64
        startBits = Array(repeating: 0, count: problem.sessions.count * startWords)
        for session in problem.sessions {
            let sessionStarts: [Int]
            if session.allowedStarts == nil && session.durations == nil {
                sessionStarts =
                    anywhere[session.duration]
                    ?? (0..<slotCount).filter {
                        horizon.slotInDay($0) + session.duration <= horizon.slotsPerDay
                    }
                anywhere[session.duration] = sessionStarts
            } else {
                let fits = (session.allowedStarts ?? Array(0..<slotCount)).filter {
                    horizon.slotInDay($0) + session.duration(at: $0) <= horizon.slotsPerDay
                }
                sessionStarts = Array(Set(fits)).sorted()
            }
            let row = starts.count * startWords
            for start in sessionStarts { startBits[row + start / 64] |= 1 << UInt64(start % 64) }
            starts.append(sessionStarts)

            let need = session.resourceNeed
            let capabilities = Set(need.capabilities)
            let eligible = need.eligibleResources.map(Set.init)
            let sessionResources = problem.resources.indices.filter { index in
                let resource = problem.resources[index]
                return capabilities.isSubset(of: resourceCapabilities[index]) && resource.seats >= need.minimumSeats
                    && resource.capacity >= need.units && (eligible?.contains(index) ?? true)
            }
            resources.append(sessionResources)
            resourceAllowed += Self.marks(sessionResources, problem.resources.count)
            roomSizePenalty += problem.resources.map {
                $0.seats > 0 ? Int32(max(0, session.participants - $0.seats)) : 0
            }

            let sessionInstructors =
                session.needsInstructor
                ? Self.qualified(session.requiredSkills, session.eligibleInstructors, instructorSkills) : []
            instructors.append(sessionInstructors)
            instructorAllowed += Self.marks(sessionInstructors, problem.instructors.count)
            let seconds = session.secondInstructor.map {
                Self.qualified($0.requiredSkills, $0.eligibleInstructors, instructorSkills)
            }
            secondInstructors.append(seconds ?? [])
            if anySecond {
                secondInstructorAllowed += Self.marks(seconds ?? [], problem.instructors.count)
            }
            if session.preferredStarts.isEmpty && session.preferredDays.isEmpty {
                preferenceRow.append(-1)
            } else {
                preferenceRow.append(Int32(preferencePenalty.count / max(slotCount, 1)))
                preferencePenalty += Self.preferencePenalties(session, horizon)
            }
        }
    }

    /// `true` at each of `indices` among `count`.
    private static func marks(_ indices: [Int], _ count: Int) -> [Bool] {
        var marks = Array(repeating: false, count: count)
        for index in indices { marks[index] = true }
        return marks
    }

    /// The instructors holding every skill, among the eligible ones when a list is given.
    private static func qualified(_ skills: [String], _ eligible: [Int]?, _ held: [Set<String>]) -> [Int] {
        let needed = Set(skills)
        let allowed = eligible.map(Set.init)
        return held.indices.filter { needed.isSubset(of: held[$0]) && (allowed?.contains($0) ?? true) }
    }

    /// Unmet preferences for each start: one for a start outside the preferred starts, one for a day outside
    /// the preferred days.
    private static func preferencePenalties(_ session: Session, _ horizon: Horizon) -> [UInt8] {
        let preferredStarts = Set(session.preferredStarts)
        let preferredDays = Set(session.preferredDays)
        return (0..<horizon.slotCount).map { start in
            var penalty: UInt8 = 0
            if !preferredStarts.isEmpty && !preferredStarts.contains(start) { penalty += 1 }
            if !preferredDays.isEmpty && !preferredDays.contains(horizon.day(of: start)) { penalty += 1 }
            return penalty
        }
    }
}
