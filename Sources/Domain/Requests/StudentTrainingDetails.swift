public import Dates
public import Foundation

/// A school's term of weekly practical sessions for one class (学生实习实训).
public struct StudentTrainingDetails: Sendable, Equatable, Codable {
    /// The class (a cohort of the school).
    public var cohortId: UUID
    public var courseName: String
    public var sessionsPerWeek: Int
    /// Consecutive weeks from ``startDate``; for a request naming a term, the calendar weeks its
    /// chosen teaching weeks span (set by the service from the term).
    public var weeks: Int
    /// The first date of the first week (`"YYYY-MM-DD"` in JSON); for a request naming a term, the
    /// Monday of its first chosen teaching week (set by the service from the term).
    public var startDate: CalendarDate
    /// The length of a session in minutes; or, at a center with bell periods, ``sessionPeriods``.
    public var sessionMinutes: Int?
    /// Consecutive bell periods per session (第1–2节: 2), instead of ``sessionMinutes``: the planner
    /// then places each session on a block of the center's periods, breaks inside it included.
    public var sessionPeriods: Int?
    /// The capability the workstations or machines must have, e.g. `cnc.lathe`.
    public var capability: String
    /// Students sharing one station: a class of 40 at 2 per station needs 20 stations.
    public var studentsPerStation: Int
    public var instructorSkills: [String]
    /// ISO weekdays (1 = Monday) the school prefers.
    public var preferredWeekdays: [Int]?
    /// The term whose teaching weeks ``teachingWeeks`` names; `nil` for a start date and a number of weeks.
    public var termId: UUID?
    /// The teaching weeks of the term (`"weeks": "3-8,11-16"` in JSON, where the older form has a number).
    public var teachingWeeks: WeeksPattern?
    /// How the class splits into groups; `nil`: the whole class works as one.
    public var groups: TrainingGroups?
    /// Skills of a second instructor, an enterprise mentor beside the school teacher (双师); `nil` or empty: none.
    public var mentorSkills: [String]?
    /// The most students one instructor may supervise (safety); `nil`: no limit.
    public var studentsPerInstructor: Int?

    public init(
        cohortId: UUID, courseName: String, sessionsPerWeek: Int, weeks: Int, startDate: CalendarDate,
        sessionMinutes: Int?,
        capability: String, studentsPerStation: Int, instructorSkills: [String], preferredWeekdays: [Int]? = nil,
        termId: UUID? = nil, teachingWeeks: WeeksPattern? = nil,
        groups: TrainingGroups? = nil, mentorSkills: [String]? = nil, studentsPerInstructor: Int? = nil,
        sessionPeriods: Int? = nil
    ) {
        self.cohortId = cohortId
        self.courseName = courseName
        self.sessionsPerWeek = sessionsPerWeek
        self.weeks = weeks
        self.startDate = startDate
        self.sessionMinutes = sessionMinutes
        self.capability = capability
        self.studentsPerStation = studentsPerStation
        self.instructorSkills = instructorSkills
        self.preferredWeekdays = preferredWeekdays
        self.termId = termId
        self.teachingWeeks = teachingWeeks
        self.groups = groups
        self.mentorSkills = mentorSkills
        self.studentsPerInstructor = studentsPerInstructor
        self.sessionPeriods = sessionPeriods
    }

    func validate() throws(DomainError) {
        _ = try Validate.name(courseName, field: "details/courseName")
        _ = try Validate.range(sessionsPerWeek, 1...7, field: "details/sessionsPerWeek")
        try validateWeeks()
        try validateLength()
        _ = try Validate.tag(capability, field: "details/capability")
        _ = try Validate.range(studentsPerStation, 1...10, field: "details/studentsPerStation")
        for (index, skill) in instructorSkills.enumerated() {
            _ = try Validate.tag(skill, field: "details/instructorSkills/\(index)")
        }
        for (index, day) in (preferredWeekdays ?? []).enumerated() {
            _ = try Validate.range(day, 1...7, field: "details/preferredWeekdays/\(index)")
        }
        try validateGroupsAndMentor()
    }

    /// A session's length is given once: in minutes (30–600) or in periods (1–12).
    private func validateLength() throws(DomainError) {
        switch (sessionMinutes, sessionPeriods) {
        case (let minutes?, nil): _ = try Validate.range(minutes, 30...600, field: "details/sessionMinutes")
        case (nil, let periods?): _ = try Validate.range(periods, 1...12, field: "details/sessionPeriods")
        case (nil, nil):
            throw DomainError(
                field: "details/sessionMinutes", rule: "required",
                message: "A session's length is given in sessionMinutes or in sessionPeriods.")
        case (_?, _?):
            throw DomainError(
                field: "details/sessionPeriods", rule: "oneOf",
                message: "A session's length is given in sessionMinutes or in sessionPeriods, not both.")
        }
    }
}
