public import Allocator
import Domain

/// Soft-constraint weights for one run, each overriding the center policy's when given (0 switches
/// a constraint off, at most 1000).
public struct PlanWeights: Sendable, Codable, Equatable {
    public var preferredTime: Int?
    public var seriesTimeStability: Int?
    public var roomStability: Int?
    public var minimumDays: Int?
    public var categoryShare: Int?
    public var organizationFairness: Int?
    public var roomSize: Int?
    public var isolatedSlot: Int?
    public var leastChange: Int?

    public init(
        preferredTime: Int? = nil, seriesTimeStability: Int? = nil, roomStability: Int? = nil, minimumDays: Int? = nil,
        categoryShare: Int? = nil, organizationFairness: Int? = nil, roomSize: Int? = nil, isolatedSlot: Int? = nil,
        leastChange: Int? = nil
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

    private var named: [(String, Int?)] {
        [
            ("preferredTime", preferredTime), ("seriesTimeStability", seriesTimeStability), ("roomStability", roomStability),
            ("minimumDays", minimumDays), ("categoryShare", categoryShare), ("organizationFairness", organizationFairness),
            ("roomSize", roomSize), ("isolatedSlot", isolatedSlot), ("leastChange", leastChange),
        ]
    }

    /// Checks that every weight given lies in 0…1000.
    func validate() throws(DomainError) {
        for (name, value) in named {
            if let value { _ = try Validate.range(value, 0...1000, field: "weights/\(name)") }
        }
    }

    /// `base` with the weights given here put in.
    public func applied(to base: SoftWeights) -> SoftWeights {
        var weights = base
        weights.preferredTime = preferredTime ?? base.preferredTime
        weights.seriesTimeStability = seriesTimeStability ?? base.seriesTimeStability
        weights.roomStability = roomStability ?? base.roomStability
        weights.minimumDays = minimumDays ?? base.minimumDays
        weights.categoryShare = categoryShare ?? base.categoryShare
        weights.organizationFairness = organizationFairness ?? base.organizationFairness
        weights.roomSize = roomSize ?? base.roomSize
        weights.isolatedSlot = isolatedSlot ?? base.isolatedSlot
        weights.leastChange = leastChange ?? base.leastChange
        return weights
    }
}
