public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension AttendanceService {
    /// A manager's correction of one mark, at any time, with a reason; the audit trail keeps the
    /// mark it replaces.
    /// - Throws: `.notFound`, `.forbidden` (managers only), `.invalid` for a person not on the roster
    ///   (`participantId`, `onRoster`) or a missing reason (`reason`).
    public func correct(
        _ input: AttendanceCorrection, session bookingId: UUID, as caller: Principal
    ) async throws -> SessionRoster {
        try await database.withTransaction { try self.correct(input, session: bookingId, on: $0, as: caller) }
    }

    /// ``correct(_:session:as:)`` inside the caller's transaction.
    func correct(
        _ input: AttendanceCorrection, session bookingId: UUID, on connection: Connection, as caller: Principal
    ) throws -> SessionRoster {
        let booking = try Self.lockSession(bookingId, bookings: bookings, on: connection)
        try Policy(caller).authorize(.decide, Self.subject(of: booking), entity: "session")
        try Self.checkConfirmed(booking)
        let reason: String
        do throws(DomainError) { reason = try Validate.name(input.reason, field: "reason") } catch {
            throw ServiceError.invalid(error)
        }
        let roster = try attendance.roster(of: booking, on: connection)
        guard let entry = roster.first(where: { $0.participant.id == input.participantId }) else {
            throw Self.notOnRoster("participantId", input.participantId)
        }
        try attendance.mark(
            [(entry.participant, input.mark)], bookingId: booking.id, source: .correction, reason: reason,
            by: caller.actor.userId, on: connection)
        try audit.record(
            caller.actor, action: "correct", entity: "attendance_mark",
            id: "\(booking.id.uuidString)/\(entry.participant.id.uuidString)",
            before: MarkRecord(mark: entry.mark, source: entry.source, reason: entry.reason),
            after: MarkRecord(mark: input.mark, source: .correction, reason: reason), on: connection)
        return try Self.roster(of: booking, attendance: attendance, for: caller, on: connection)
    }

    /// Records a session's actual start and end, or that it did not take place and why, at the version
    /// of its record the caller read (0 before anything was recorded).
    /// - Throws: `.notFound`, `.forbidden` (the session's instructors and the center's managers),
    ///   `.staleVersion`, `.invalid` (`actualEnd` `afterStart`, `notHeld/note` `required`…).
    public func report(
        _ input: SessionReport, session bookingId: UUID, version: Int, as caller: Principal
    ) async throws -> SessionRoster {
        try await database.withTransaction {
            try self.report(input, session: bookingId, version: version, on: $0, as: caller)
        }
    }

    /// ``report(_:session:version:as:)`` inside the caller's transaction.
    func report(
        _ input: SessionReport, session bookingId: UUID, version: Int, on connection: Connection, as caller: Principal
    ) throws -> SessionRoster {
        let booking = try Self.lockSession(bookingId, bookings: bookings, on: connection)
        try Policy(caller).authorize(.change, Self.subject(of: booking), entity: "session")
        try Self.checkConfirmed(booking)
        let before = try attendance.record(of: booking.id, on: connection)
        guard before.version == version else { throw ServiceError.staleVersion(current: before.version) }
        let record: SessionRecord
        do throws(DomainError) {
            record = try input.validated(bookedStart: booking.start, bookedEnd: booking.end)
        } catch { throw ServiceError.invalid(error) }
        try attendance.report(record, of: booking.id, on: connection)
        let after = try attendance.record(of: booking.id, on: connection)
        try audit.record(
            caller.actor, action: "report", entity: "session", id: booking.id.uuidString, before: before,
            after: after, on: connection)
        return try Self.roster(of: booking, attendance: attendance, for: caller, on: connection)
    }
}

/// A mark as the audit trail keeps it.
struct MarkRecord: Encodable {
    var mark: AttendanceMark?
    var source: MarkSource?
    var reason: String?
}
