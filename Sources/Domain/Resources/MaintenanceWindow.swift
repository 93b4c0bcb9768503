public import Foundation

/// A span when a resource cannot be used (servicing, calibration); it blocks what contains the
/// resource and what the resource contains.
public struct MaintenanceWindow: Sendable, Equatable, Codable {
    public var id: UUID
    public var resourceId: UUID
    public var start: Date
    public var end: Date
    public var reason: String

    public init(id: UUID, resourceId: UUID, start: Date, end: Date, reason: String) {
        self.id = id
        self.resourceId = resourceId
        self.start = start
        self.end = end
        self.reason = reason
    }
}

/// What a caller sends to schedule maintenance.
public struct NewMaintenanceWindow: Sendable, Decodable {
    public var start: Date
    public var end: Date
    public var reason: String

    public init(start: Date, end: Date, reason: String) {
        self.start = start
        self.end = end
        self.reason = reason
    }

    /// The longest window: longer outages are a retirement.
    public static let maximumLength: TimeInterval = 92 * 86_400

    /// Checks the span (inside ``Validate/instants``, end after start, at most 92 days) and the
    /// reason; returns the trimmed reason.
    public func validated() throws(DomainError) -> String {
        try Validate.instant(start, field: "start")
        try Validate.instant(end, field: "end")
        guard start < end else {
            throw DomainError(field: "end", rule: "afterStart", message: "The end must be after the start.")
        }
        guard end.timeIntervalSince(start) <= Self.maximumLength else {
            throw DomainError(
                field: "end", rule: "maxLength",
                message: "A maintenance window spans at most 92 days; retire the resource for longer outages.")
        }
        return try Validate.name(reason, field: "reason")
    }
}
