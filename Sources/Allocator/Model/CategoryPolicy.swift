/// The center's policy on category shares: the percentage of capacity hours (capacity units × open slots,
/// summed over all resources) each category should take over the horizon.
public struct CategoryPolicy: Sendable, Hashable, Codable {
    /// Minimum share in percent, by ``SessionCategory/index``; 0 means no minimum.
    public var minimumPercent: [Int]
    /// Maximum share in percent, by ``SessionCategory/index``; 100 means no maximum.
    public var maximumPercent: [Int]

    /// A policy with no bounds.
    public init() {
        minimumPercent = Array(repeating: 0, count: SessionCategory.allCases.count)
        maximumPercent = Array(repeating: 100, count: SessionCategory.allCases.count)
    }

    /// Sets the bounds of one category.
    public mutating func setShare(_ category: SessionCategory, minimumPercent: Int = 0, maximumPercent: Int = 100) {
        self.minimumPercent[category.index] = minimumPercent
        self.maximumPercent[category.index] = maximumPercent
    }

    /// Whether any bound is set.
    public var isActive: Bool {
        minimumPercent.contains { $0 > 0 } || maximumPercent.contains { $0 < 100 }
    }
}
