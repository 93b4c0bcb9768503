public import Dates
public import Foundation

/// An enterprise's block of training hours for its employees inside a window (企业员工培训).
public struct EmployeeUpskillingDetails: Sendable, Equatable, Codable {
    /// A time of the week when sessions may run, e.g. weekday evenings.
    public struct AllowedTime: Sendable, Equatable, Codable {
        /// ISO weekdays, 1 = Monday.
        public var weekdays: [Int]
        /// Local times (`"HH:MM"` in JSON).
        public var from: ClockTime
        public var to: ClockTime

        public init(weekdays: [Int], from: ClockTime, to: ClockTime) {
            self.weekdays = weekdays
            self.from = from
            self.to = to
        }
    }

    public var participants: Int
    public var course: String
    public var skill: String
    public var totalHours: Int
    public var sessionMinutes: Int
    /// First and last dates (`"YYYY-MM-DD"` in JSON) sessions may fall on.
    public var earliest: CalendarDate
    public var latest: CalendarDate
    public var allowedTimes: [AllowedTime]?
    /// The enterprise's group, if the participants form one.
    public var cohortId: UUID?

    public init(
        participants: Int, course: String, skill: String, totalHours: Int, sessionMinutes: Int, earliest: CalendarDate,
        latest: CalendarDate, allowedTimes: [AllowedTime]? = nil, cohortId: UUID? = nil
    ) {
        self.participants = participants
        self.course = course
        self.skill = skill
        self.totalHours = totalHours
        self.sessionMinutes = sessionMinutes
        self.earliest = earliest
        self.latest = latest
        self.allowedTimes = allowedTimes
        self.cohortId = cohortId
    }

    func validate() throws(DomainError) {
        _ = try Validate.range(participants, 1...500, field: "details/participants")
        _ = try Validate.name(course, field: "details/course")
        _ = try Validate.tag(skill, field: "details/skill")
        _ = try Validate.range(totalHours, 1...400, field: "details/totalHours")
        _ = try Validate.range(sessionMinutes, 30...600, field: "details/sessionMinutes")
        guard (totalHours * 60) % sessionMinutes == 0 else {
            throw DomainError(
                field: "details/sessionMinutes", rule: "divides",
                message: "The \(totalHours) hours must split into whole sessions of \(sessionMinutes) minutes.")

        }
        try Validate.window(earliest, latest, fields: ("details/earliest", "details/latest"))
        for (index, time) in (allowedTimes ?? []).enumerated() {
            guard !time.weekdays.isEmpty else {
                throw DomainError(
                    field: "details/allowedTimes/\(index)/weekdays", rule: "required",
                    message: "An allowed time names at least one weekday.")
            }
            for (dayIndex, day) in time.weekdays.enumerated() {
                _ = try Validate.range(day, 1...7, field: "details/allowedTimes/\(index)/weekdays/\(dayIndex)")
            }
            guard time.from < time.to else {
                throw DomainError(
                    field: "details/allowedTimes/\(index)/to", rule: "afterFrom",
                    message: "An allowed time must end after it starts.")
            }
        }
    }
}
