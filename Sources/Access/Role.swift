/// What a user may do, granted per user; some roles are scoped (a center, an instructor).
public enum Role: String, Sendable, Codable, CaseIterable {
    /// Consortium-wide: manages everything, including accounts.
    case admin
    /// Manages one center: its calendar, resources, instructors, bookings and plans.
    case centerManager = "center_manager"
    /// Reserves practical sessions for the classes of the user's school.
    case schoolCoordinator = "school_coordinator"
    /// Requests courses, seats and pilot runs for the user's enterprise or SME.
    case enterpriseCoordinator = "enterprise_coordinator"
    /// Reads the timetable of one instructor.
    case instructor
    /// Reads everything but secrets (reports, audit trail); changes nothing.
    case auditor
}
