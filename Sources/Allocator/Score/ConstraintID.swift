/// Every constraint the score counts, for breakdowns and explanations.
public enum ConstraintID: String, Sendable, Hashable, Codable, CaseIterable {
    /// A resource used beyond its capacity in a slot, or used while its parent or a child is in use.
    case resourceCapacity
    /// A session on a resource in a slot when the resource is closed.
    case resourceUnavailable
    /// Two sessions on one resource closer than the changeover buffer between their categories.
    case changeover
    /// A session of another organization in the hall of an exclusive-hall session while it runs (per pair).
    case exclusiveHall
    /// An instructor in two sessions in one slot.
    case instructorConflict
    /// An instructor teaching in a slot when unavailable.
    case instructorUnavailable
    /// Slots beyond an instructor's weekly cap.
    case instructorWeeklyCap
    /// Slots beyond what an organization's quota leaves in one of its windows.
    case quota
    /// A cohort in two sessions in one slot.
    case cohortConflict
    /// Two consecutive sessions of a pilot run not on consecutive days on the same resource.
    case contiguousSeries
    /// Two members of a simultaneous series (groups of one class meeting together) at different starts.
    case simultaneousSeries
    /// A session left unplaced (medium level, weighted by priority).
    case unplaced
    /// A start or day outside the session's preferences.
    case preferredTime
    /// A weekly series using more than one weekday-and-time.
    case seriesTimeStability
    /// A series using more than one resource.
    case roomStability
    /// A spread series on fewer distinct days than its minimum.
    case minimumDays
    /// A category outside its share bounds, in capacity unit-slots.
    case categoryShare
    /// Unplaced sessions concentrated on one organization of a category.
    case organizationFairness
    /// Participants beyond the seats of the resource.
    case roomSize
    /// A cohort's lone busy slot, with nothing before or after it on the same day.
    case isolatedSlot
    /// A session moved from where the previous solution had it.
    case leastChange

    /// The score level a constraint counts at.
    public enum Level: String, Sendable, Hashable, Codable {
        case hard, medium, soft
    }

    /// The level of this constraint.
    public var level: Level {
        switch self {
        case .resourceCapacity, .resourceUnavailable, .changeover, .exclusiveHall, .instructorConflict,
            .instructorUnavailable, .instructorWeeklyCap, .quota, .cohortConflict, .contiguousSeries,
            .simultaneousSeries:
            .hard
        case .unplaced: .medium
        default: .soft
        }
    }
}
