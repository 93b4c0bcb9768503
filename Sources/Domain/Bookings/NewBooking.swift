public import Foundation

/// A direct booking as a manager asks for it: these resources, this instructor, this time — given
/// as `start` and `end`, or as a date and bell periods (``periods``), which the booking service
/// turns into `start` and `end` before anything else reads them (see `NewBooking+Decoding.swift`).
public struct NewBooking: Sendable, Decodable {
    public var organizationId: UUID
    /// The request this booking serves: of the same organization, center and category.
    public var requestId: UUID?
    public var category: Category
    public var title: String
    public var start: Date
    public var end: Date
    public var resources: [Booking.Use]
    public var instructorId: UUID?
    public var participants: Int?
    public var cohortIds: [UUID]?
    /// The second instructor, written by a published plan (双师); not read from a direct booking's JSON.
    public var secondInstructorId: UUID?
    /// The group of its class, written by a published plan; not read from a direct booking's JSON.
    public var group: SessionGroup?

    /// The time in periods (`date`, `fromPeriod`, `toPeriod` in JSON), when not given as start and end.
    public var periods: BookedPeriods?

    public init(
        organizationId: UUID, requestId: UUID? = nil, category: Category, title: String, start: Date, end: Date,
        resources: [Booking.Use],
        instructorId: UUID? = nil, participants: Int? = nil, cohortIds: [UUID]? = nil, secondInstructorId: UUID? = nil,
        group: SessionGroup? = nil, periods: BookedPeriods? = nil
    ) {
        self.organizationId = organizationId
        self.requestId = requestId
        self.category = category
        self.title = title
        self.start = start
        self.end = end
        self.resources = resources
        self.instructorId = instructorId
        self.participants = participants
        self.cohortIds = cohortIds
        self.secondInstructorId = secondInstructorId
        self.group = group
        self.periods = periods
    }

    /// The longest span one booking may cover.
    public static let maximumLength: TimeInterval = 14 * 86_400

    /// Checks the time alone: start and end inside ``Validate/instants``, the start before the
    /// end, a length of at most 14 days. What reads the calendar around a booking checks this first.
    public func checkTimes() throws(DomainError) {
        try Validate.instant(start, field: "start")
        try Validate.instant(end, field: "end")
        guard start < end else {
            throw DomainError(field: "end", rule: "afterStart", message: "The end must be after the start.")
        }
        guard end.timeIntervalSince(start) <= Self.maximumLength else {
            throw DomainError(
                field: "end", rule: "maxLength",
                message: "A booking may span at most 14 days; book longer runs day by day or as a plan.")
        }
    }

    /// Checks what needs no database: title, the times (``checkTimes()``) on the center's slot
    /// grid or its bell periods' boundaries, distinct resources, positive station counts.
    /// - Parameters:
    ///   - slotMinutes: the center's slot length; start and end must fall on slot boundaries
    ///   - timeZone: the center's time zone, in which the slot grid is laid
    ///   - periodBoundaries: the starts and ends of the center's periods (minutes after local
    ///     midnight), also allowed
    /// - Returns: the trimmed title.
    public func validated(
        slotMinutes: Int, timeZone: TimeZone, periodBoundaries: Set<Int> = []
    ) throws(DomainError) -> String {
        let title = try Validate.name(title, field: "title")
        try checkTimes()
        let slot = Double(slotMinutes * 60)
        for (field, date) in [("start", start), ("end", end)] {
            let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
            let minute = local.truncatingRemainder(dividingBy: 86_400) / 60
            guard local.truncatingRemainder(dividingBy: slot) != 0,
                minute.rounded() != minute || !periodBoundaries.contains(Int(minute))
            else { continue }
            throw DomainError(
                field: field, rule: "slotGrid",
                message:
                    "The \(field) must fall on the center's \(slotMinutes)-minute slot grid (e.g. 08:00, 08:\(slotMinutes == 60 ? "00" : String(slotMinutes))) or on a bell period's start or end."
            )
        }
        guard !resources.isEmpty else {
            throw DomainError(field: "resources", rule: "required", message: "A booking needs at least one resource.")
        }
        var seen: Set<UUID> = []
        for (index, use) in resources.enumerated() {
            guard seen.insert(use.resourceId).inserted else {
                throw DomainError(
                    field: "resources/\(index)/resourceId", rule: "unique",
                    message: "The resource \(use.resourceId) is listed twice.")
            }
            if let stations = use.stations {
                _ = try Validate.range(stations, 1...10_000, field: "resources/\(index)/stations")
            }
        }
        if let participants { _ = try Validate.range(participants, 0...10_000, field: "participants") }
        if let cohortIds, Set(cohortIds).count != cohortIds.count {
            throw DomainError(field: "cohortIds", rule: "unique", message: "A cohort is listed twice.")
        }
        return title
    }
}
