public import Dates
public import Foundation

/// A practice center: its own calendar, in its own time zone, divided into slots.
public struct Center: Sendable, Equatable, Codable {
    public var id: UUID
    public var name: String
    /// The organization that runs the center.
    public var operatorId: UUID
    /// An IANA time zone name; the center's dates and opening hours are local to it.
    public var timeZone: String
    /// The slot length in minutes: 15, 30 or 60.
    public var slotMinutes: Int
    public var version: Int

    public init(id: UUID, name: String, operatorId: UUID, timeZone: String, slotMinutes: Int, version: Int) {
        self.id = id
        self.name = name
        self.operatorId = operatorId
        self.timeZone = timeZone
        self.slotMinutes = slotMinutes
        self.version = version
    }

    /// The center's time zone (UTC for a name the server does not know, which creation refuses).
    public var zone: TimeZone { TimeZone(identifier: timeZone) ?? .gmt }

    /// The date at the center at `now`.
    public func today(now: Date = Date()) -> CalendarDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}

/// What a caller sends to create a center.
public struct NewCenter: Sendable, Decodable {
    public var name: String
    public var operatorId: UUID
    public var timeZone: String?
    public var slotMinutes: Int?

    public init(name: String, operatorId: UUID, timeZone: String? = nil, slotMinutes: Int? = nil) {
        self.name = name
        self.operatorId = operatorId
        self.timeZone = timeZone
        self.slotMinutes = slotMinutes
    }

    /// The default time zone of a center.
    public static let defaultTimeZone = "Asia/Shanghai"

    /// Checks the fields that need no database; the time zone is checked against the server's list.
    /// - Returns: the values to store (trimmed name, defaults filled in).
    public func validated() throws(DomainError) -> (name: String, timeZone: String, slotMinutes: Int) {
        let name = try Validate.name(name, field: "name")
        let slot = slotMinutes ?? 30
        guard [15, 30, 60].contains(slot) else {
            throw DomainError(
                field: "slotMinutes", rule: "oneOf", message: "The slotMinutes (\(slot)) must be 15, 30 or 60.")
        }
        let zone = timeZone ?? Self.defaultTimeZone
        guard TimeZone(identifier: zone) != nil else {
            throw DomainError(
                field: "timeZone", rule: "timeZone",
                message: "The timeZone '\(zone)' is not an IANA time zone name, such as Asia/Shanghai.")
        }
        return (name, zone, slot)
    }
}
