public import Dates
public import Foundation

/// A shared-employee course (共享员工培训) the center offers, or an SME's seats in one.
///
/// The center's own request describes the course (`capacity`, `minEnrolment`, `decisionDate`,
/// sessions); an SME's request names the course (`courseRequestId`) and the seats it wants.
public struct SharedEmployeeDetails: Sendable, Equatable, Codable {
    // The offering.
    public var capacity: Int?
    public var minEnrolment: Int?
    /// The go/no-go date (`"YYYY-MM-DD"` in JSON): below `minEnrolment` then, the course is cancelled.
    public var decisionDate: CalendarDate?
    public var sessions: Int?
    public var sessionMinutes: Int?
    public var skill: String?
    // A seat request.
    public var courseRequestId: UUID?
    public var seats: Int?
    public var preferredWeekdays: [Int]?

    public init(
        capacity: Int? = nil, minEnrolment: Int? = nil, decisionDate: CalendarDate? = nil, sessions: Int? = nil,
        sessionMinutes: Int? = nil, skill: String? = nil, courseRequestId: UUID? = nil, seats: Int? = nil,
        preferredWeekdays: [Int]? = nil
    ) {
        self.capacity = capacity
        self.minEnrolment = minEnrolment
        self.decisionDate = decisionDate
        self.sessions = sessions
        self.sessionMinutes = sessionMinutes
        self.skill = skill
        self.courseRequestId = courseRequestId
        self.seats = seats
        self.preferredWeekdays = preferredWeekdays
    }

    /// Whether this describes the course itself rather than seats in it.
    public var isOffering: Bool { courseRequestId == nil }

    func validate() throws(DomainError) {
        if isOffering {
            let capacity = try Validate.range(Self.required(capacity, "capacity"), 1...200, field: "details/capacity")
            let minimum = try Validate.range(
                Self.required(minEnrolment, "minEnrolment"), 1...200, field: "details/minEnrolment")
            guard minimum <= capacity else {
                throw DomainError(
                    field: "details/minEnrolment", rule: "atMostCapacity",
                    message: "The minimum enrolment (\(minimum)) cannot exceed the capacity (\(capacity)).")
            }
            _ = try Self.required(decisionDate, "decisionDate")
            _ = try Validate.range(Self.required(sessions, "sessions"), 1...100, field: "details/sessions")
            _ = try Validate.range(
                Self.required(sessionMinutes, "sessionMinutes"), 30...600, field: "details/sessionMinutes")
            _ = try Validate.tag(Self.required(skill, "skill"), field: "details/skill")
        } else {
            _ = try Validate.range(Self.required(seats, "seats"), 1...200, field: "details/seats")
            for (index, day) in (preferredWeekdays ?? []).enumerated() {
                _ = try Validate.range(day, 1...7, field: "details/preferredWeekdays/\(index)")
            }
        }
    }

    private static func required<T>(_ value: T?, _ name: String) throws(DomainError) -> T {
        guard let value else {
            throw DomainError(field: "details/\(name)", rule: "required", message: "The \(name) is required.")
        }
        return value
    }
}
