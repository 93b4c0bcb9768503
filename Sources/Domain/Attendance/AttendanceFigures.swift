public import Foundation

/// An organization's attendance at a center: how often its people were absent or late.
public struct NoShows: Sendable, Equatable, Codable {
    public var organizationId: UUID
    public var organizationName: String
    /// Marks of its people in the period, absent and late among them.
    public var marks: Int
    public var absent: Int
    public var late: Int
    /// Its sessions in the period that did not take place.
    public var sessionsNotHeld: Int

    public init(
        organizationId: UUID, organizationName: String, marks: Int, absent: Int, late: Int, sessionsNotHeld: Int
    ) {
        self.organizationId = organizationId
        self.organizationName = organizationName
        self.marks = marks
        self.absent = absent
        self.late = late
        self.sessionsNotHeld = sessionsNotHeld
    }
}

/// A request's hours per participant: planned (its confirmed sessions) against delivered (those
/// that took place, by their actual times, else by their booked times when attendance was taken).
public struct HoursDelivered: Sendable, Equatable, Codable {
    public var requestId: UUID
    public var plannedHours: Double
    public var deliveredHours: Double
    public var sessions: Int
    /// Sessions with evidence that they took place (actual times or attendance).
    public var sessionsHeld: Int
    public var sessionsNotHeld: Int

    public init(
        requestId: UUID, plannedHours: Double, deliveredHours: Double, sessions: Int, sessionsHeld: Int,
        sessionsNotHeld: Int
    ) {
        self.requestId = requestId
        self.plannedHours = plannedHours
        self.deliveredHours = deliveredHours
        self.sessions = sessions
        self.sessionsHeld = sessionsHeld
        self.sessionsNotHeld = sessionsNotHeld
    }
}
