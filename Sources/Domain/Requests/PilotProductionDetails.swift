public import Dates
public import Foundation

/// An enterprise's exclusive run on an equipment line for whole consecutive days (产品中试).
/// Confidential: other organizations see only that the line is occupied.
public struct PilotProductionDetails: Sendable, Equatable, Codable {
    /// The line wanted, or else any line with `capability`.
    public var resourceId: UUID?
    public var capability: String?
    public var days: Int
    /// First and last dates (`"YYYY-MM-DD"` in JSON) the run may start on.
    public var earliestStart: CalendarDate
    public var latestStart: CalendarDate
    public var changeoverBeforeMinutes: Int?
    public var changeoverAfterMinutes: Int?

    public init(
        resourceId: UUID? = nil, capability: String? = nil, days: Int, earliestStart: CalendarDate,
        latestStart: CalendarDate,
        changeoverBeforeMinutes: Int? = nil, changeoverAfterMinutes: Int? = nil
    ) {
        self.resourceId = resourceId
        self.capability = capability
        self.days = days
        self.earliestStart = earliestStart
        self.latestStart = latestStart
        self.changeoverBeforeMinutes = changeoverBeforeMinutes
        self.changeoverAfterMinutes = changeoverAfterMinutes
    }

    func validate() throws(DomainError) {
        guard resourceId != nil || capability != nil else {
            throw DomainError(
                field: "details/resourceId", rule: "required",
                message: "Name the equipment line (resourceId) or the capability it needs.")
        }
        if let capability { _ = try Validate.tag(capability, field: "details/capability") }
        _ = try Validate.range(days, 1...60, field: "details/days")
        try Validate.window(earliestStart, latestStart, fields: ("details/earliestStart", "details/latestStart"))
        _ = try Validate.range(changeoverBeforeMinutes ?? 0, 0...2880, field: "details/changeoverBeforeMinutes")
        _ = try Validate.range(changeoverAfterMinutes ?? 0, 0...2880, field: "details/changeoverAfterMinutes")
    }
}
