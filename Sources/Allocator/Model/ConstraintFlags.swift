/// Which constraint families a problem uses. The score calculator skips the others, so a CB-CTT instance
/// (no closures, no hierarchy, no changeovers, no weekly caps) pays only for what it has.
struct ConstraintFlags {
    let resourceClosures: Bool
    let hierarchy: Bool
    let changeover: Bool
    let exclusiveHall: Bool
    let instructorClosures: Bool
    let weeklyCap: Bool
    let quotas: Bool
    let contiguousSeries: Bool
    let simultaneousSeries: Bool
    let preferences: Bool
    let seriesTimeStability: Bool
    let roomStability: Bool
    let minimumDays: Bool
    let categoryShare: Bool
    let organizationFairness: Bool
    let roomSize: Bool
    let isolatedSlot: Bool
    let leastChange: Bool

    init(_ problem: Problem) {
        let weights = problem.weights
        let kinds = Set(problem.series.map(\.kind))
        resourceClosures = problem.resources.contains { !$0.unavailableSlots.isEmpty }
        hierarchy = problem.resources.contains { $0.parent != nil }
        changeover =
            problem.resources.contains { $0.changeover?.buffers.contains { $0 > 0 } ?? false }
            || problem.sessions.contains { $0.bufferBefore > 0 || $0.bufferAfter > 0 }
        exclusiveHall = problem.sessions.contains(where: \.exclusiveHall)
        instructorClosures = problem.instructors.contains { !$0.unavailableSlots.isEmpty }
        weeklyCap = problem.instructors.contains { $0.weeklySlotCap != nil }
        quotas = problem.quotas.contains { !$0.sessions.isEmpty && !$0.windows.isEmpty }
        contiguousSeries = kinds.contains(.contiguous)
        simultaneousSeries = kinds.contains(.simultaneous)
        preferences =
            weights.preferredTime != 0
            && problem.sessions.contains { !$0.preferredStarts.isEmpty || !$0.preferredDays.isEmpty }
        seriesTimeStability = weights.seriesTimeStability != 0 && kinds.contains(.weekly)
        roomStability = weights.roomStability != 0 && (kinds.contains(.weekly) || kinds.contains(.spread))
        minimumDays = weights.minimumDays != 0 && problem.series.contains { $0.kind == .spread && $0.minimumDays > 0 }
        categoryShare = weights.categoryShare != 0 && problem.categoryPolicy.isActive
        organizationFairness = weights.organizationFairness != 0
        roomSize = weights.roomSize != 0
        isolatedSlot = weights.isolatedSlot != 0 && !problem.cohorts.isEmpty
        leastChange = weights.leastChange != 0 && problem.previous != nil
    }
}
