public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Attendance as evidence: a session's roster, the instructor's marks (tap per person, or everyone
/// present then the exceptions), self check-in by code, a manager's corrections with a reason, and
/// the session's actual times or that it did not take place. Rosters name people: only the center's
/// managers, the session's instructors and the owning organization's coordinators see them.
public struct AttendanceService: Sendable {
    let database: Database
    let bookings = BookingRepository()
    let attendance = AttendanceRepository()
    let audit = AuditLog()
    let checkInAttempts = CheckInAttemptRepository()
    /// The limits on failed self check-ins.
    let checkInThrottle: CheckInThrottle

    public init(database: Database, checkInThrottle: CheckInThrottle = CheckInThrottle()) {
        self.database = database
        self.checkInThrottle = checkInThrottle
    }

    /// A session's roster with its marks, its actual times and its check-in code.
    /// - Throws: `.notFound` for an unknown session or one whose roster the caller may not see.
    public func roster(of bookingId: UUID, as caller: Principal) async throws -> SessionRoster {
        let (bookings, attendance) = (bookings, attendance)
        return try await database.withConnection { connection in
            guard let booking = try bookings.find(id: bookingId, on: connection) else {
                throw ServiceError.notFound(entity: "session")
            }
            try Policy(caller).authorize(.read, Self.subject(of: booking), entity: "session")
            return try Self.roster(of: booking, attendance: attendance, for: caller, on: connection)
        }
    }

    /// Marks attendance during the check-in window (start − 15 min … end): with `allPresent`, first
    /// everyone on the roster not yet marked present, then each listed mark.
    /// - Throws: `.notFound`, `.forbidden` (only the session's instructors and the center's managers
    ///   mark), `.invalid` for a person not on the roster (`marks/i/participantId`, `onRoster`), a mark
    ///   outside the window (`session`, `checkInWindow`) or a cancelled session.
    public func mark(
        _ input: AttendanceMarks, session bookingId: UUID, now: Date = Date(), as caller: Principal
    ) async throws -> SessionRoster {
        try await database.withTransaction { try self.mark(input, session: bookingId, now: now, on: $0, as: caller) }
    }

    /// ``mark(_:session:now:as:)`` inside the caller's transaction.
    func mark(
        _ input: AttendanceMarks, session bookingId: UUID, now: Date, on connection: Connection, as caller: Principal
    ) throws -> SessionRoster {
        let booking = try Self.lockSession(bookingId, bookings: bookings, on: connection)
        try Policy(caller).authorize(.change, Self.subject(of: booking), entity: "session")
        try Self.checkWindow(of: booking, at: now)
        let roster = try attendance.roster(of: booking, on: connection)
        var marks: [UUID: AttendanceMark] = [:]
        if input.allPresent == true {
            for entry in roster where entry.mark == nil { marks[entry.participant.id] = .present }
        }
        for (index, item) in (input.marks ?? []).enumerated() {
            guard roster.contains(where: { $0.participant.id == item.participantId }) else {
                throw Self.notOnRoster("marks/\(index)/participantId", item.participantId)
            }
            marks[item.participantId] = item.mark
        }
        let written = roster.compactMap { entry in
            marks[entry.participant.id].map { (participant: entry.participant, mark: $0) }
        }
        try attendance.mark(
            written, bookingId: booking.id, source: .instructor, by: caller.actor.userId, on: connection)
        try audit.record(
            caller.actor, action: "mark", entity: "attendance", id: booking.id.uuidString, before: nil,
            after: Dictionary(uniqueKeysWithValues: written.map { ($0.participant.id.uuidString, $0.mark.rawValue) }),
            on: connection)
        return try Self.roster(of: booking, attendance: attendance, for: caller, on: connection)
    }

    /// Who may see and take a booking's attendance, as the policy sees it.
    static func subject(of booking: Booking) -> Policy.Subject {
        .roster(
            Work(booking), instructorIds: Set([booking.instructorId, booking.secondInstructorId].compactMap { $0 }))
    }

    /// Locks a confirmed session.
    /// - Throws: `.notFound`; `.invalid` (`session`, `cancelled`) for a cancelled booking.
    static func lockSession(_ id: UUID, bookings: BookingRepository, on connection: Connection) throws -> Booking {
        guard let booking = try bookings.lock(id: id, on: connection) else {
            throw ServiceError.notFound(entity: "session")
        }
        return booking
    }

    static func checkConfirmed(_ booking: Booking) throws {
        guard booking.status == .confirmed else {
            throw ServiceError.invalid(
                DomainError(
                    field: "session", rule: "cancelled", message: "The session was cancelled; it takes no attendance."))
        }
    }

    /// Refuses a check-in outside start − 15 min … end (and on a cancelled session).
    static func checkWindow(of booking: Booking, at now: Date) throws {
        try checkConfirmed(booking)
        guard SessionRoster.isInWindow(now, start: booking.start, end: booking.end) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "session", rule: "checkInWindow",
                    message:
                        "Check-in is open from 15 minutes before the session's start to its end; after that a manager corrects the marks with a reason."
                ))
        }
    }

    static func notOnRoster(_ field: String, _ id: UUID) -> ServiceError {
        .invalid(
            DomainError(
                field: field, rule: "onRoster", message: "\(id.uuidString.lowercased()) is not on the session's roster."
            ))
    }

    /// The roster as `caller` reads it, with what they may do to it.
    static func roster(
        of booking: Booking, attendance: AttendanceRepository, for caller: Principal, on connection: Connection
    ) throws -> SessionRoster {
        let policy = Policy(caller)
        return SessionRoster(
            bookingId: booking.id, centerId: booking.centerId, title: booking.title, start: booking.start,
            end: booking.end, record: try attendance.record(of: booking.id, on: connection),
            entries: try attendance.roster(of: booking, on: connection),
            canMark: policy.decide(.change, subject(of: booking)) == .allowed,
            canCorrect: policy.decide(.decide, subject(of: booking)) == .allowed)
    }
}
