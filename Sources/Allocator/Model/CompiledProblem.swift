/// A ``Problem`` turned into flat, precomputed tables for the hot loop: candidate starts, resources and
/// instructors per session, static penalties, and flags saying which constraint families are in use so the
/// score calculator can skip the others.
///
/// Built once per solve; read-only afterwards.
final class CompiledProblem {
    let problem: Problem
    let slotCount: Int
    let days: Int
    let slotsPerDay: Int
    let slotsPerWeek: Int
    let weekCount: Int
    let sessionCount: Int
    let resourceCount: Int
    let instructorCount: Int
    let cohortCount: Int
    let seriesCount: Int
    let organizationCount: Int

    // Per session.
    /// The longest length in slots (see ``duration(_:at:)``).
    let duration: [Int]
    /// Per session of several lengths: its length by start; empty for a session of one length.
    let durationAt: [[Int: Int]]
    let units: [Int]
    let takesWholeResource: [Bool]
    let priority: [Int]
    let category: [Int]
    let organization: [Int]
    let cohortsOf: [[Int]]
    /// Sessions sharing a cohort with each session.
    let cohortOverlap: SessionPairs
    /// Sessions that may clash with each session through people: a common cohort or a common candidate
    /// instructor (Kempe chains visit only these).
    let rivals: SessionPairs
    let seriesOf: [Int]
    let positionInSeries: [Int]
    let isPinned: [Bool]
    let previous: [Assignment?]
    let candidateStarts: [[Int]]
    let candidateResources: [[Int]]
    let candidateInstructors: [[Int]]
    let needsInstructor: [Bool]
    let needsSecondInstructor: [Bool]
    let candidateSecondInstructors: [[Int]]
    /// `secondInstructorAllowed[session * instructorCount + instructor]`; empty when no session needs two.
    let secondInstructorAllowed: [Bool]
    /// Allowed starts as bits (see ``startAllowed(_:_:)``).
    private let startBits: [UInt64]
    private let startWords: Int
    /// `resourceAllowed[session * resourceCount + resource]`.
    let resourceAllowed: [Bool]
    /// `instructorAllowed[session * instructorCount + instructor]`.
    let instructorAllowed: [Bool]
    /// Per session: its row of ``preferencePenalty``, -1 without time preferences (see ``preference(_:at:)``).
    let preferenceRow: [Int32]
    /// Unmet time preferences, `preferencePenalty[preferenceRow[session] * slotCount + start]`.
    let preferencePenalty: [UInt8]
    /// Participants beyond the seats, `roomSizePenalty[session * resourceCount + resource]`.
    let roomSizePenalty: [Int32]
    /// Indices of the sessions the solver may move (not pinned, with at least one candidate place).
    let movableSessions: [Int]

    // Per resource.
    let capacity: [Int]
    let ancestors: [[Int]]
    /// `resourceClosed[resource * slotCount + slot]`.
    let resourceClosed: [Bool]
    /// The changeover matrix of each resource; one of zeros where sessions' own buffers need checking.
    let changeover: [[Int]?]
    /// Free slots each session needs on its resource before it and after it.
    let bufferBefore: [Int]
    let bufferAfter: [Int]
    let halls: HallFacts

    // Per instructor.
    let instructorClosed: [Bool]
    let weeklyCap: [Int]

    // Per organization's quota.
    let quotas: QuotaTables

    // Per series.
    let seriesKind: [Series.Kind]
    let seriesMembers: [[Int]]
    /// The simultaneous series each session is in, -1 when none.
    let simultaneousOf: [Int]
    /// Per series: the summed priority of its members (a pilot run's whole medium penalty).
    let seriesPriority: [Int64]
    let seriesMinimumDays: [Int]

    // Category policy, in capacity unit-slots.
    let shareMinimum: [Int]
    let shareMaximum: [Int]

    let weights: SoftWeights
    let flags: ConstraintFlags

    /// Compiles a validated problem.
    /// - Throws: ``AllocatorError`` when the problem is invalid.
    init(_ problem: Problem) throws(AllocatorError) {
        try problem.validate()
        self.problem = problem
        let horizon = problem.horizon
        let slots = horizon.slotCount
        slotCount = slots
        days = horizon.days
        slotsPerDay = horizon.slotsPerDay
        slotsPerWeek = horizon.slotsPerWeek
        weekCount = horizon.weekCount
        sessionCount = problem.sessions.count
        resourceCount = problem.resources.count
        instructorCount = problem.instructors.count
        cohortCount = problem.cohorts.count
        seriesCount = problem.series.count
        organizationCount = max(problem.organizations.count, (problem.sessions.map(\.organization).max() ?? 0) + 1)

        let sessions = problem.sessions
        duration = sessions.map(\.duration)
        durationAt = sessions.map { session in
            guard let durations = session.durations, let starts = session.allowedStarts else { return [:] }
            return Dictionary(zip(starts, durations), uniquingKeysWith: { first, _ in first })
        }
        units = sessions.map(\.resourceNeed.units)
        takesWholeResource = sessions.map { $0.category == .pilotProduction }
        priority = sessions.map(\.priority)
        category = sessions.map(\.category.index)
        organization = sessions.map(\.organization)
        cohortsOf = sessions.map(\.cohorts)
        let byCohort = Self.groups(sessions.map(\.cohorts), count: problem.cohorts.count)
        cohortOverlap = SessionPairs(count: sessions.count, groups: byCohort)
        seriesOf = sessions.map { $0.series ?? -1 }
        var position = Array(repeating: -1, count: sessions.count)
        for series in problem.series where series.kind != .simultaneous {
            for (index, session) in series.sessions.enumerated() { position[session] = index }
        }
        positionInSeries = position
        isPinned = sessions.indices.map { problem.pinned[$0] != nil }
        previous = problem.previous?.assignments ?? Array(repeating: nil, count: sessions.count)
        needsInstructor = sessions.map(\.needsInstructor)
        needsSecondInstructor = sessions.map { $0.secondInstructor != nil }

        let domains = SessionDomains(problem)
        candidateStarts = domains.starts
        candidateResources = domains.resources
        candidateInstructors = domains.instructors
        startBits = domains.startBits
        startWords = domains.startWords
        resourceAllowed = domains.resourceAllowed
        instructorAllowed = domains.instructorAllowed
        candidateSecondInstructors = domains.secondInstructors
        secondInstructorAllowed = domains.secondInstructorAllowed
        preferenceRow = domains.preferenceRow
        preferencePenalty = domains.preferencePenalty
        roomSizePenalty = domains.roomSizePenalty
        let candidates = zip(domains.instructors, domains.secondInstructors).map { $0 + $1 }
        rivals = SessionPairs(
            count: sessions.count, groups: byCohort + Self.groups(candidates, count: problem.instructors.count))
        movableSessions = sessions.indices.filter { session in
            problem.pinned[session] == nil && !domains.starts[session].isEmpty && !domains.resources[session].isEmpty
                && (!sessions[session].needsInstructor || !domains.instructors[session].isEmpty)
                && (sessions[session].secondInstructor == nil || Self.hasPair(domains, session))
        }

        let resources = problem.resources
        capacity = resources.map(\.capacity)
        ancestors = resources.map { resource in
            var chain: [Int] = []
            var parent = resource.parent
            while let outer = parent {
                chain.append(outer)
                parent = resources[outer].parent
            }
            return chain
        }
        resourceClosed = Self.closedTable(resources.map(\.unavailableSlots), slots)
        let sessionBuffers = sessions.contains { $0.bufferBefore > 0 || $0.bufferAfter > 0 }
        changeover = resources.map { $0.changeover?.buffers ?? (sessionBuffers ? Changeover().buffers : nil) }
        bufferBefore = sessions.map(\.bufferBefore)
        bufferAfter = sessions.map(\.bufferAfter)
        halls = HallFacts(problem)
        instructorClosed = Self.closedTable(problem.instructors.map(\.unavailableSlots), slots)
        weeklyCap = problem.instructors.map { $0.weeklySlotCap ?? -1 }
        quotas = QuotaTables(problem)

        seriesKind = problem.series.map(\.kind)
        seriesMembers = problem.series.map(\.sessions)
        var together = Array(repeating: -1, count: sessions.count)
        for (index, series) in problem.series.enumerated() where series.kind == .simultaneous {
            for session in series.sessions { together[session] = index }
        }
        simultaneousOf = together
        seriesMinimumDays = problem.series.map(\.minimumDays)
        seriesPriority = problem.series.map { series in series.sessions.reduce(0) { $0 + Int64(sessions[$1].priority) }
        }

        let openUnitSlots = resources.reduce(0) { $0 + $1.capacity * (slots - Set($1.unavailableSlots).count) }
        let policy = problem.categoryPolicy
        shareMinimum = policy.minimumPercent.map { ($0 * openUnitSlots + 99) / 100 }
        shareMaximum = policy.maximumPercent.map { $0 * openUnitSlots / 100 }
        weights = problem.weights
        flags = ConstraintFlags(problem)
    }

    /// The length in slots of `session` started at `start`.
    @inline(__always) func duration(_ session: Int, at start: Int) -> Int {
        let lengths = durationAt[session]
        return lengths.isEmpty ? duration[session] : lengths[start] ?? duration[session]
    }

    /// Whether `session` may start at `start` (a candidate start).
    @inline(__always) func startAllowed(_ session: Int, _ start: Int) -> Bool {
        startBits[session * startWords + start / 64] & (1 << UInt64(start % 64)) != 0
    }

    /// The unmet time preferences of `session` started at `start`.
    @inline(__always) func preference(_ session: Int, at start: Int) -> Int {
        let row = Int(preferenceRow[session])
        return row < 0 ? 0 : Int(preferencePenalty[row * slotCount + start])
    }

    /// The capacity units session `session` takes from `resource`.
    @inline(__always) func unitsTaken(_ session: Int, on resource: Int) -> Int {
        takesWholeResource[session] ? capacity[resource] : units[session]
    }

    /// The sessions holding each of `count` members (cohorts, instructors), from each session's members.
    private static func groups(_ membersOf: [[Int]], count: Int) -> [[Int]] {
        var groups = Array(repeating: [Int](), count: count)
        for (session, members) in membersOf.enumerated() {
            for member in members { groups[member].append(session) }
        }
        return groups
    }

    /// Whether two different people can be a session's first and second instructor.
    private static func hasPair(_ domains: SessionDomains, _ session: Int) -> Bool {
        let first = domains.instructors[session]
        return domains.secondInstructors[session].contains { second in first.contains { $0 != second } }
    }

    private static func closedTable(_ unavailable: [[Int]], _ slotCount: Int) -> [Bool] {
        var table = Array(repeating: false, count: unavailable.count * slotCount)
        for (entity, slots) in unavailable.enumerated() {
            for slot in slots { table[entity * slotCount + slot] = true }
        }
        return table
    }
}
