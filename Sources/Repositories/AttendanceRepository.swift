public import Database
public import Domain
public import Foundation

/// Reads and writes a session's attendance (`attendance_marks`) and what happened to it
/// (`session_records`), `sql/0026_attendance.sql`.
public struct AttendanceRepository: Sendable {
    public init() {}

    /// The people who should be at a session: the students of its classes (of its group, when it
    /// holds one group; students without a group are in every group's roster), the named participants
    /// of its request and, for a shared-employee course, of the SMEs' seat requests in it (not
    /// cancelled, rejected or wait-listed); and anyone already marked for it, withdrawn since or not. By name.
    public func roster(of booking: Booking, on connection: Connection) throws -> [SessionRoster.Entry] {
        try connection.query(
            """
            SELECT \(ParticipantRepository.columns), m.mark, m.source, m.marked_at, m.reason
            FROM \(ParticipantRepository.from)
            LEFT JOIN attendance_marks m ON m.participant_id = p.id AND m.booking_id = \(booking.id)
            WHERE m.booking_id IS NOT NULL OR (p.withdrawn_at IS NULL AND (
                (p.cohort_id IN (SELECT cohort_id FROM booking_cohorts WHERE booking_id = \(booking.id))
                 AND (\(booking.group?.number)::int2 IS NULL OR p.group_number IS NULL
                      OR p.group_number = \(booking.group?.number)::int2))
                OR p.request_id = \(booking.requestId)
                OR p.request_id IN (
                    SELECT id FROM requests WHERE lower(details->>'courseRequestId') = \(booking.requestId?.uuidString.lowercased())
                      AND state NOT IN ('cancelled', 'rejected', 'wait_listed'))))
            ORDER BY p.group_number NULLS FIRST, p.name, p.person_number, p.id
            """
        ).map { row in
            SessionRoster.Entry(
                participant: try ParticipantRepository.participant(from: row),
                mark: try row.decode("mark", as: String?.self).flatMap(AttendanceMark.init(rawValue:)),
                source: try row.decode("source", as: String?.self).flatMap(MarkSource.init(rawValue:)),
                markedAt: try row.decode("marked_at", as: Date?.self),
                reason: try row.decode("reason", as: String?.self))
        }
    }

    /// Writes marks of a session, replacing earlier ones; `reason` only for a correction.
    public func mark(
        _ marks: [(participant: Participant, mark: AttendanceMark)], bookingId: UUID, source: MarkSource,
        reason: String? = nil, by userId: UUID?, on connection: Connection
    ) throws {
        guard !marks.isEmpty else { return }
        let ids = marks.map { $0.participant.id.uuidString.lowercased() }
        let organizations = marks.map { $0.participant.organizationId.uuidString.lowercased() }
        let values = marks.map(\.mark.rawValue)
        try connection.query(
            """
            INSERT INTO attendance_marks (booking_id, participant_id, organization_id, mark, source, reason, marked_by)
            SELECT \(bookingId), u.participant, u.organization, u.mark::attendance_mark,
                   \(source.rawValue)::mark_source, \(reason), \(userId)
            FROM unnest(\(ids)::uuid[], \(organizations)::uuid[], \(values)::text[]) AS u (participant, organization, mark)
            ON CONFLICT (booking_id, participant_id) DO UPDATE
            SET mark = EXCLUDED.mark, source = EXCLUDED.source, reason = EXCLUDED.reason,
                marked_by = EXCLUDED.marked_by, marked_at = now()
            """)
    }

    /// What happened to a session so far (version 0: nothing recorded).
    public func record(of bookingId: UUID, on connection: Connection) throws -> SessionRecord {
        try connection.query(
            """
            SELECT lower(actual) AS actual_start, upper(actual) AS actual_end, not_held_reason, not_held_note,
                   check_in_code, version
            FROM session_records WHERE booking_id = \(bookingId)
            """
        ).first.map(Self.record(from:)) ?? SessionRecord()
    }

    /// Writes the actual times or "did not take place" of a session (keeping its check-in code).
    public func report(_ record: SessionRecord, of bookingId: UUID, on connection: Connection) throws {
        let actual = record.actualStart.flatMap { start in
            record.actualEnd.flatMap { TimeRange(lower: start, upper: $0) }
        }
        try connection.query(
            """
            INSERT INTO session_records (booking_id, actual, not_held_reason, not_held_note)
            VALUES (\(bookingId), \(actual), \(record.notHeld?.reason.rawValue)::not_held_reason, \(record.notHeld?.note))
            ON CONFLICT (booking_id) DO UPDATE
            SET actual = EXCLUDED.actual, not_held_reason = EXCLUDED.not_held_reason,
                not_held_note = EXCLUDED.not_held_note, version = session_records.version + 1, updated_at = now()
            """)
    }

    /// Sets a session's check-in code.
    /// - Throws: ``DatabaseError`` 23505 `session_records_code_unique` when another session shows the code.
    public func setCode(_ code: String, of bookingId: UUID, on connection: Connection) throws {
        try connection.query(
            """
            INSERT INTO session_records (booking_id, check_in_code) VALUES (\(bookingId), \(code))
            ON CONFLICT (booking_id) DO UPDATE
            SET check_in_code = EXCLUDED.check_in_code, version = session_records.version + 1, updated_at = now()
            """)
    }

    /// Releases the check-in codes of sessions that ended before `instant`, for reuse.
    public func releaseCodes(endedBefore instant: Date, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE session_records r SET check_in_code = NULL
            FROM bookings b WHERE b.id = r.booking_id AND r.check_in_code IS NOT NULL AND upper(b.during) < \(instant)
            """)
    }

    /// The session that shows this check-in code, if any, locked (`FOR UPDATE`).
    public func lockSession(showing code: String, on connection: Connection) throws -> UUID? {
        try connection.query(
            "SELECT booking_id FROM session_records WHERE check_in_code = \(code) FOR UPDATE"
        ).first?.decode("booking_id")
    }

    static func record(from row: Row) throws -> SessionRecord {
        let reason = try row.decode("not_held_reason", as: String?.self).flatMap(NotHeldReason.init(rawValue:))
        return SessionRecord(
            actualStart: try row.decode("actual_start", as: Date?.self),
            actualEnd: try row.decode("actual_end", as: Date?.self),
            notHeld: try reason.map { .init(reason: $0, note: try row.decode("not_held_note", as: String?.self)) },
            checkInCode: try row.decode("check_in_code", as: String?.self), version: try row.decode("version"))
    }
}
