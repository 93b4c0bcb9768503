public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension AttendanceService {
    /// Shows a fresh six-digit check-in code for the session (the earlier one stops working), during
    /// its check-in window; codes of sessions that ended a day ago are released for reuse.
    /// - Throws: `.notFound`, `.forbidden` (the session's instructors and the center's managers),
    ///   `.invalid` (`session`, `checkInWindow`).
    public func showCode(
        session bookingId: UUID, now: Date = Date(), as caller: Principal
    ) async throws -> SessionRoster {
        let (bookings, attendance, audit) = (bookings, attendance, audit)
        return try await database.withTransaction { connection in
            let booking = try Self.lockSession(bookingId, bookings: bookings, on: connection)
            try Policy(caller).authorize(.change, Self.subject(of: booking), entity: "session")
            try Self.checkWindow(of: booking, at: now)
            try attendance.releaseCodes(endedBefore: now.addingTimeInterval(-86_400), on: connection)
            var code = Self.randomCode()
            while try attendance.lockSession(showing: code, on: connection) != nil { code = Self.randomCode() }
            try attendance.setCode(code, of: booking.id, on: connection)
            try audit.record(
                caller.actor, action: "show_code", entity: "session", id: booking.id.uuidString, before: nil,
                after: ["checkInCode": code], on: connection)
            return try Self.roster(of: booking, attendance: attendance, for: caller, on: connection)
        }
    }

    /// A participant checks themselves in with the code shown at the station and their student or
    /// employee number; the code is the credential (no account), so the audit trail names the system.
    /// Late when more than 10 minutes after the start. Each try (of a well-formed code) is first
    /// reserved under the ``CheckInThrottle`` in a transaction of its own, so that failures count.
    /// - Parameter client: the client's address, for the throttle.
    /// - Returns: the person's roster entry.
    /// - Throws: `.invalid`: `code` `format` or `unknown`, `session` `checkInWindow`, `number` `onRoster`;
    ///   `.throttled` (rule `checkInAttempts`) after too many failures from `client` or with the code.
    public func checkIn(_ input: SelfCheckIn, client: String, now: Date = Date()) async throws -> SessionRoster.Entry {
        let (bookings, attendance, audit, attempts) = (bookings, attendance, audit, checkInAttempts)
        let code = input.code.trimmingCharacters(in: .whitespaces)
        guard code.count == 6, code.allSatisfy(\.isASCII), code.allSatisfy(\.isNumber) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "code", rule: "format", message: "The check-in code is the 6 digits shown at the station."))
        }
        let throttle = checkInThrottle
        let attempt = try await database.withTransaction { connection in
            try attempts.reserve(code: code, client: client, under: throttle, at: now, on: connection)
        }
        return try await database.withTransaction { connection in
            guard let bookingId = try attendance.lockSession(showing: code, on: connection),
                let booking = try bookings.lock(id: bookingId, on: connection)
            else {
                throw ServiceError.invalid(
                    DomainError(field: "code", rule: "unknown", message: "No session shows the code \(code)."))
            }
            try Self.checkWindow(of: booking, at: now)
            let number = input.number.trimmingCharacters(in: .whitespaces)
            guard
                let entry = try attendance.roster(of: booking, on: connection).first(where: {
                    $0.participant.number == number
                })
            else {
                throw ServiceError.invalid(
                    DomainError(field: "number", rule: "onRoster", message: "\(number) is not on the session's roster.")
                )
            }
            let mark: AttendanceMark = now > booking.start.addingTimeInterval(10 * 60) ? .late : .present
            try attendance.mark(
                [(entry.participant, mark)], bookingId: booking.id, source: .selfCheckIn, by: nil, on: connection)
            try audit.record(
                .system, action: "self_check_in", entity: "attendance_mark",
                id: "\(booking.id.uuidString)/\(entry.participant.id.uuidString)", before: nil,
                after: MarkRecord(mark: mark, source: .selfCheckIn), on: connection)
            try attempts.markSucceeded(attempt, on: connection)
            return SessionRoster.Entry(participant: entry.participant, mark: mark, source: .selfCheckIn, markedAt: now)
        }
    }

    static func randomCode() -> String {
        String(format: "%06d", Int.random(in: 0...999_999))
    }
}
