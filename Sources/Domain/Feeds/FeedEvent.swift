public import Foundation

/// One session as a feed sends it: already shown to the feed's owner (an occupied block carries
/// no title, organization or instructor).
public struct FeedEvent: Sendable, Equatable {
    /// With the feed's host, the event's stable `UID`: the booking's id, or a digest of it for a
    /// block whose details (its id among them) the reader may not see.
    public var uid: String
    /// The booking's version less one: it rises on every change (`SEQUENCE`).
    public var sequence: Int
    /// When the booking last changed (`DTSTAMP`).
    public var changedAt: Date
    public var start: Date
    public var end: Date
    /// `占用 / Occupied` for another organization's work the owner may not read.
    public var summary: String
    /// The resources' names.
    public var location: [String]
    /// Lines of the description (organization, class, instructors); empty for an occupied block.
    public var description: [String]
    /// Instructors' names (`ATTENDEE;CN=…`) with their ids.
    public var instructors: [TimetableEntry.Named]
    public var cancelled: Bool

    public init(
        uid: String, sequence: Int, changedAt: Date, start: Date, end: Date, summary: String, location: [String],
        description: [String], instructors: [TimetableEntry.Named], cancelled: Bool
    ) {
        self.uid = uid
        self.sequence = sequence
        self.changedAt = changedAt
        self.start = start
        self.end = end
        self.summary = summary
        self.location = location
        self.description = description
        self.instructors = instructors
        self.cancelled = cancelled
    }

    /// The summary of a block whose details the reader may not see.
    public static let occupied = "占用 / Occupied"
}
