/// How a center shares its capacity between the four categories and what the planner weighs:
/// min/max shares of capacity hours, the changeover matrix, the soft-constraint weights and whether
/// pilot runs may go on through closed days and holidays.
/// Replaced as a whole (`PUT`), at the version the caller last read.
public struct CenterPolicy: Sendable, Equatable, Codable {
    /// Set by the server on output; ignored on input (send `If-Match`).
    public var version: Int?
    /// At most one entry per category; a category without one has no bounds.
    public var shares: [CategoryShare]
    /// Buffers between categories per resource kind; enforced by PostgreSQL on every booking.
    public var changeovers: [ChangeoverRule]
    public var weights: PolicyWeights
    /// Whether a pilot run's days may include days the center is closed (Sundays, holidays); absent
    /// or false: a run includes open days only. Always present on output.
    public var pilotRunsThroughClosures: Bool?
    /// Which categories may displace confirmed bookings of which, with a make-up; absent: none may.
    public var displacement: DisplacementRule?

    public init(
        version: Int? = nil, shares: [CategoryShare] = [], changeovers: [ChangeoverRule] = [],
        weights: PolicyWeights = PolicyWeights(), pilotRunsThroughClosures: Bool? = nil,
        displacement: DisplacementRule? = nil
    ) {
        self.version = version
        self.shares = shares
        self.changeovers = changeovers
        self.weights = weights
        self.pilotRunsThroughClosures = pilotRunsThroughClosures
        self.displacement = displacement
    }

    /// Checks every entry, naming the field of the first bad one.
    public func validate() throws(DomainError) {
        var seenCategories: Set<Category> = []
        var minimumSum = 0
        for (index, share) in shares.enumerated() {
            guard seenCategories.insert(share.category).inserted else {
                throw DomainError(
                    field: "shares/\(index)/category", rule: "unique",
                    message: "The category \(share.category.rawValue) has two shares.")
            }
            _ = try Validate.range(share.minPercent, 0...100, field: "shares/\(index)/minPercent")
            _ = try Validate.range(share.maxPercent, 0...100, field: "shares/\(index)/maxPercent")
            guard share.minPercent <= share.maxPercent else {
                throw DomainError(
                    field: "shares/\(index)/maxPercent", rule: "notBelowMin",
                    message:
                        "The maxPercent (\(share.maxPercent)) must not be below the minPercent (\(share.minPercent)).")
            }
            minimumSum += share.minPercent
        }
        guard minimumSum <= 100 else {
            throw DomainError(
                field: "shares", rule: "minimumsAtMost100",
                message: "The minimum shares add up to \(minimumSum)%, more than the whole capacity.")
        }
        var seenRules: Set<[String]> = []
        for (index, rule) in changeovers.enumerated() {
            guard
                seenRules.insert([rule.resourceKind.rawValue, rule.fromCategory.rawValue, rule.toCategory.rawValue])
                    .inserted
            else {
                throw DomainError(
                    field: "changeovers/\(index)", rule: "unique",
                    message:
                        "Two changeover rules for \(rule.resourceKind.rawValue) from \(rule.fromCategory.rawValue) to \(rule.toCategory.rawValue)."
                )
            }
            _ = try Validate.range(rule.minutes, 0...10_080, field: "changeovers/\(index)/minutes")
        }
        try weights.validate()
        try displacement?.validate()
    }
}

/// The bounds of one category's share of the center's capacity hours, in percent.
public struct CategoryShare: Sendable, Equatable, Codable {
    public var category: Category
    public var minPercent: Int
    public var maxPercent: Int

    public init(category: Category, minPercent: Int, maxPercent: Int) {
        self.category = category
        self.minPercent = minPercent
        self.maxPercent = maxPercent
    }
}

/// After a booking of `fromCategory` on a resource of `resourceKind`, a booking of `toCategory`
/// may start only `minutes` later (cleaning, re-tooling, clearing a confidential line).
public struct ChangeoverRule: Sendable, Equatable, Codable {
    public var resourceKind: ResourceKind
    public var fromCategory: Category
    public var toCategory: Category
    public var minutes: Int

    public init(resourceKind: ResourceKind, fromCategory: Category, toCategory: Category, minutes: Int) {
        self.resourceKind = resourceKind
        self.fromCategory = fromCategory
        self.toCategory = toCategory
        self.minutes = minutes
    }
}

/// A soft constraint of the planner that a weight scales (0 switches it off), named as in the API.
public enum SoftConstraint: String, CaseIterable, CodingKey, Sendable {
    case preferredTime, seriesTimeStability, roomStability, minimumDays, categoryShare, organizationFairness, roomSize
    case isolatedSlot, leastChange
}

/// Weights of the planner's soft constraints, 0 (off) to 1000, each 1 until set; the allocator's
/// `SoftWeights`. In JSON, an object with one number per ``SoftConstraint``, all required.
public struct PolicyWeights: Sendable, Equatable, Codable {
    private var values = Dictionary(uniqueKeysWithValues: SoftConstraint.allCases.map { ($0, 1) })

    public init() {}

    /// The weight of one constraint.
    public subscript(_ constraint: SoftConstraint) -> Int {
        get { values[constraint] ?? 1 }
        set { values[constraint] = newValue }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: SoftConstraint.self)
        for constraint in SoftConstraint.allCases {
            self[constraint] = try container.decode(Int.self, forKey: constraint)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: SoftConstraint.self)
        for constraint in SoftConstraint.allCases { try container.encode(self[constraint], forKey: constraint) }
    }

    func validate() throws(DomainError) {
        for constraint in SoftConstraint.allCases {
            _ = try Validate.range(self[constraint], 0...1000, field: "weights/\(constraint.rawValue)")
        }
    }
}
