/// Weights of the soft constraints, set per center. A weight of 0 switches a constraint off.
public struct SoftWeights: Sendable, Hashable, Codable {
    /// Per unmet preference (start not among the preferred starts, day not among the preferred days).
    public var preferredTime: Int
    /// Per extra weekday-and-time used by a weekly series (beyond the first).
    public var seriesTimeStability: Int
    /// Per extra resource used by a weekly or spread series (beyond the first).
    public var roomStability: Int
    /// Per day missing from a spread series' minimum number of days.
    public var minimumDays: Int
    /// Per capacity unit-slot outside a category's share bounds.
    public var categoryShare: Int
    /// Per unit of the sum, over categories and organizations, of the squared count of unplaced sessions.
    public var organizationFairness: Int
    /// Per participant beyond the seats of the resource (resources with 0 seats are not checked).
    public var roomSize: Int
    /// Per session in a slot where its cohort has nothing in the slot before or after on the same day.
    public var isolatedSlot: Int
    /// Per session placed elsewhere (start or resource) than in the previous solution.
    public var leastChange: Int

    /// Creates weights; every weight defaults to 1.
    public init(
        preferredTime: Int = 1,
        seriesTimeStability: Int = 1,
        roomStability: Int = 1,
        minimumDays: Int = 1,
        categoryShare: Int = 1,
        organizationFairness: Int = 1,
        roomSize: Int = 1,
        isolatedSlot: Int = 1,
        leastChange: Int = 1
    ) {
        self.preferredTime = preferredTime
        self.seriesTimeStability = seriesTimeStability
        self.roomStability = roomStability
        self.minimumDays = minimumDays
        self.categoryShare = categoryShare
        self.organizationFairness = organizationFairness
        self.roomSize = roomSize
        self.isolatedSlot = isolatedSlot
        self.leastChange = leastChange
    }
}
