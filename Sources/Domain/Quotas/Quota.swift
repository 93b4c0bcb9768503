public import Foundation

/// Hours an organization may use at a center per week, month or term: for one category or any,
/// on one resource (and what it contains), on resources with one capability, or on the whole
/// center. A group quota: every booking of the organization counts, whoever made it.
public struct Quota: Sendable, Equatable, Codable {
    public var id: UUID
    public var centerId: UUID
    public var organizationId: UUID
    /// `nil`: any category.
    public var category: Category?
    /// The resource whose use (its own or of what it contains) counts; `nil` with `capability`.
    public var resourceId: UUID?
    /// The capability tag whose resources' use counts; `nil` with `resourceId`.
    public var capability: String?
    public var period: QuotaPeriod
    public var hours: Int
    public var version: Int

    public init(
        id: UUID, centerId: UUID, organizationId: UUID, category: Category?, resourceId: UUID?, capability: String?,
        period: QuotaPeriod, hours: Int, version: Int
    ) {
        self.id = id
        self.centerId = centerId
        self.organizationId = organizationId
        self.category = category
        self.resourceId = resourceId
        self.capability = capability
        self.period = period
        self.hours = hours
        self.version = version
    }
}

/// The window a quota's hours are counted in, in the center's time zone.
public enum QuotaPeriod: String, Sendable, Codable, CaseIterable {
    /// An ISO week, Monday 00:00 to the next Monday 00:00.
    case week
    /// A calendar month.
    case month
    /// The center's term that holds the booking's start; no term there, no limit.
    case term
}
