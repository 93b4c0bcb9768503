public import Dates
public import Foundation

/// An enterprise's exclusive run on an equipment line for consecutive days (产品中试), worked in the
/// center's day or in shifts round the clock. Confidential: other organizations see only that the
/// line (and, with ``exclusiveHall``, its workshop) is occupied.
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
    /// How the run works its days; `nil` is the center's day (`dayHours`).
    public var shifts: PilotShifts?
    /// Resources the run takes beside its line for its whole time (a QC lab, a 3D printer): all or none.
    public var extraResources: [ExtraResource]?
    /// Whether no other organization may work in the workshop holding the line while the run lasts.
    public var exclusiveHall: Bool?

    /// A resource a run takes beside its line: this one, or any with the capability.
    public struct ExtraResource: Sendable, Equatable, Codable {
        public var resourceId: UUID?
        public var capability: String?

        public init(resourceId: UUID? = nil, capability: String? = nil) {
            self.resourceId = resourceId
            self.capability = capability
        }
    }

    public init(
        resourceId: UUID? = nil, capability: String? = nil, days: Int, earliestStart: CalendarDate,
        latestStart: CalendarDate,
        changeoverBeforeMinutes: Int? = nil, changeoverAfterMinutes: Int? = nil, shifts: PilotShifts? = nil,
        extraResources: [ExtraResource]? = nil, exclusiveHall: Bool? = nil
    ) {
        self.resourceId = resourceId
        self.capability = capability
        self.days = days
        self.earliestStart = earliestStart
        self.latestStart = latestStart
        self.changeoverBeforeMinutes = changeoverBeforeMinutes
        self.changeoverAfterMinutes = changeoverAfterMinutes
        self.shifts = shifts
        self.extraResources = extraResources
        self.exclusiveHall = exclusiveHall
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
        try shifts?.validate()
        let extras = extraResources ?? []
        _ = try Validate.range(extras.count, 0...5, field: "details/extraResources")
        for (index, extra) in extras.enumerated() {
            guard extra.resourceId != nil || extra.capability != nil else {
                throw DomainError(
                    field: "details/extraResources/\(index)/resourceId", rule: "required",
                    message: "Name the resource (resourceId) or the capability it needs.")
            }
            if let capability = extra.capability {
                _ = try Validate.tag(capability, field: "details/extraResources/\(index)/capability")
            }
        }
    }
}
