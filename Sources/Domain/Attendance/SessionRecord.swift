public import Foundation

/// What happened to a session (a confirmed booking): when it actually ran, or that it did not take
/// place and why, and the code for self check-in while it is open.
public struct SessionRecord: Sendable, Equatable, Codable {
    public var actualStart: Date?
    public var actualEnd: Date?
    public var notHeld: NotHeld?
    /// The current six-digit self check-in code; `nil` until the instructor shows one.
    public var checkInCode: String?
    /// 0 while nothing was recorded.
    public var version: Int

    public init(
        actualStart: Date? = nil, actualEnd: Date? = nil, notHeld: NotHeld? = nil, checkInCode: String? = nil,
        version: Int = 0
    ) {
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.notHeld = notHeld
        self.checkInCode = checkInCode
        self.version = version
    }

    /// That a session did not take place, and why.
    public struct NotHeld: Sendable, Equatable, Codable {
        public var reason: NotHeldReason
        /// Required for ``NotHeldReason/other``.
        public var note: String?

        public init(reason: NotHeldReason, note: String? = nil) {
            self.reason = reason
            self.note = note
        }
    }
}

/// What an instructor or manager reports about a session: its actual start and end, or that it did
/// not take place.
public struct SessionReport: Sendable, Decodable {
    public var actualStart: Date?
    public var actualEnd: Date?
    public var notHeld: SessionRecord.NotHeld?

    public init(actualStart: Date? = nil, actualEnd: Date? = nil, notHeld: SessionRecord.NotHeld? = nil) {
        self.actualStart = actualStart
        self.actualEnd = actualEnd
        self.notHeld = notHeld
    }

    /// Checks the report: either both actual times (end after start, within a day of the booked
    /// span) or "did not take place" (a note for `other`); returns the record's fields.
    public func validated(bookedStart: Date, bookedEnd: Date) throws(DomainError) -> SessionRecord {
        if let notHeld {
            guard actualStart == nil, actualEnd == nil else {
                throw DomainError(
                    field: "notHeld", rule: "exclusive",
                    message: "A session either took place (actual times) or did not (notHeld), not both.")
            }
            let note = notHeld.note?.trimmingCharacters(in: .whitespacesAndNewlines)
            if notHeld.reason == .other, note?.isEmpty ?? true {
                throw DomainError(
                    field: "notHeld/note", rule: "required", message: "Say why the session did not take place.")
            }
            var checked: String?
            if let note, !note.isEmpty { checked = try Validate.name(note, field: "notHeld/note") }
            return SessionRecord(notHeld: SessionRecord.NotHeld(reason: notHeld.reason, note: checked))
        }
        guard let actualStart else {
            throw DomainError(field: "actualStart", rule: "required", message: "Give the actual start or notHeld.")
        }
        guard let actualEnd else {
            throw DomainError(field: "actualEnd", rule: "required", message: "Give the actual end.")
        }
        guard actualEnd > actualStart else {
            throw DomainError(
                field: "actualEnd", rule: "afterStart", message: "The actual end must be after the actual start.")
        }
        let day: TimeInterval = 86_400
        guard actualStart > bookedStart.addingTimeInterval(-day), actualEnd < bookedEnd.addingTimeInterval(day) else {
            throw DomainError(
                field: "actualStart", rule: "nearBooking",
                message: "The actual times must lie within a day of the booked session.")
        }
        return SessionRecord(actualStart: actualStart, actualEnd: actualEnd)
    }
}
