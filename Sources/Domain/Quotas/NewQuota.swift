public import Foundation

/// What a center's manager sends to set a quota (or to replace one).
public struct NewQuota: Sendable, Codable {
    public var organizationId: UUID
    public var category: Category?
    public var resourceId: UUID?
    public var capability: String?
    public var period: QuotaPeriod
    public var hours: Int

    public init(
        organizationId: UUID, category: Category? = nil, resourceId: UUID? = nil, capability: String? = nil,
        period: QuotaPeriod, hours: Int
    ) {
        self.organizationId = organizationId
        self.category = category
        self.resourceId = resourceId
        self.capability = capability
        self.period = period
        self.hours = hours
    }

    /// The most hours a quota may give.
    public static let hourRange = 1...10_000

    /// Checks the hours (1–10000) and that a resource and a capability are not both given;
    /// returns the input with its capability tag normalised.
    public func validated() throws(DomainError) -> NewQuota {
        var quota = self
        _ = try Validate.range(hours, Self.hourRange, field: "hours")
        if let capability {
            guard resourceId == nil else {
                throw DomainError(
                    field: "capability", rule: "resourceOrCapability",
                    message: "A quota counts either a resource or a capability, not both.")
            }
            quota.capability = try Validate.tag(capability, field: "capability")
        }
        return quota
    }
}
