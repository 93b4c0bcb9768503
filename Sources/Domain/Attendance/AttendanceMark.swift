/// Whether a participant was at a session; the SQL enum `attendance_mark` has the same values.
public enum AttendanceMark: String, Sendable, Codable, CaseIterable {
    case present
    case late
    case absent

    /// Whether the person was there (late counts: they trained).
    public var attended: Bool { self != .absent }
}

/// How a mark was made; the SQL enum `mark_source` has the same values.
public enum MarkSource: String, Sendable, Codable, CaseIterable {
    /// Tapped by the session's instructor (or a manager) during the session.
    case instructor
    /// The participant entered the session's check-in code.
    case selfCheckIn = "self_check_in"
    /// A manager's correction, with a reason.
    case correction
}

/// Why a session did not take place; the SQL enum `not_held_reason` has the same values.
public enum NotHeldReason: String, Sendable, Codable, CaseIterable {
    case holiday
    case equipmentFailure = "equipment_failure"
    case cancelledBySchool = "cancelled_by_school"
    /// Any other reason, told in a note.
    case other
}
