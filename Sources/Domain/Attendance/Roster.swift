public import Foundation

/// A session's roster with its attendance: who should be there and what was marked.
public struct SessionRoster: Sendable, Equatable, Codable {
    /// One person on the roster and their mark, if any.
    public struct Entry: Sendable, Equatable, Codable {
        public var participant: Participant
        public var mark: AttendanceMark?
        public var source: MarkSource?
        public var markedAt: Date?
        /// The reason of a correction.
        public var reason: String?

        public init(
            participant: Participant, mark: AttendanceMark? = nil, source: MarkSource? = nil, markedAt: Date? = nil,
            reason: String? = nil
        ) {
            self.participant = participant
            self.mark = mark
            self.source = source
            self.markedAt = markedAt
            self.reason = reason
        }
    }

    public var bookingId: UUID
    public var centerId: UUID
    public var title: String
    public var start: Date
    public var end: Date
    public var record: SessionRecord
    public var entries: [Entry]
    /// Whether the caller may take attendance and report the session (its instructors, managers).
    public var canMark: Bool
    /// Whether the caller may correct marks (managers).
    public var canCorrect: Bool

    public init(
        bookingId: UUID, centerId: UUID, title: String, start: Date, end: Date, record: SessionRecord,
        entries: [Entry], canMark: Bool = false, canCorrect: Bool = false
    ) {
        self.bookingId = bookingId
        self.centerId = centerId
        self.title = title
        self.start = start
        self.end = end
        self.record = record
        self.entries = entries
        self.canMark = canMark
        self.canCorrect = canCorrect
    }

    /// How long before the start a check-in opens: the window is start − 15 min … end.
    public static let checkInLead: TimeInterval = 15 * 60

    /// Whether `instant` lies in the check-in window of a session booked for `start`…`end`.
    public static func isInWindow(_ instant: Date, start: Date, end: Date) -> Bool {
        instant >= start.addingTimeInterval(-checkInLead) && instant <= end
    }
}

/// Marks an instructor sends: every listed person's mark, after (with `allPresent`) marking everyone
/// on the roster present.
public struct AttendanceMarks: Sendable, Decodable {
    /// One person's mark.
    public struct Item: Sendable, Decodable {
        public var participantId: UUID
        public var mark: AttendanceMark

        public init(participantId: UUID, mark: AttendanceMark) {
            self.participantId = participantId
            self.mark = mark
        }
    }

    public var allPresent: Bool?
    public var marks: [Item]?

    public init(allPresent: Bool? = nil, marks: [Item]? = nil) {
        self.allPresent = allPresent
        self.marks = marks
    }
}

/// A manager's correction of one mark, with its reason.
public struct AttendanceCorrection: Sendable, Decodable {
    public var participantId: UUID
    public var mark: AttendanceMark
    public var reason: String

    public init(participantId: UUID, mark: AttendanceMark, reason: String) {
        self.participantId = participantId
        self.mark = mark
        self.reason = reason
    }
}

/// A participant's self check-in: the code shown at the station and their student or employee number.
public struct SelfCheckIn: Sendable, Decodable {
    public var code: String
    public var number: String

    public init(code: String, number: String) {
        self.code = code
        self.number = number
    }
}
