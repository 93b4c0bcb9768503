public import Dates
public import Foundation

/// An enterprise's block of training hours for its employees inside a window (企业员工培训), or a
/// school's for its teachers (教师岗位实践, teacher training: ``trainingType``).
///
/// A course is a list of ``parts`` (theory in a classroom, practice in a workshop, an assessment),
/// each placed with its own resource need and instructor skill. A course without parts is one
/// practice part of ``skill`` (capability and instructor skill alike), ``totalHours`` in sessions of
/// ``sessionMinutes``; with parts, those three summarise the parts (see
/// ``EmployeeUpskillingDetails+Parts.swift``).
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
    /// The course's parts; `nil`: one practice part from ``skill``, ``totalHours`` and ``sessionMinutes``.
    public var parts: [CoursePart]? {
        didSet { summarizeParts() }
    }
    /// What the training is for; `nil` on requests made before types were asked.
    public var trainingType: TrainingType?
    /// The asking organization's own instructors (its 师傅) who alone teach the course; `nil` or empty:
    /// any qualified instructor of the center.
    public var trainerIds: [UUID]?

    public init(
        participants: Int, course: String, skill: String, totalHours: Int, sessionMinutes: Int, earliest: CalendarDate,
        latest: CalendarDate, allowedTimes: [AllowedTime]? = nil, cohortId: UUID? = nil, parts: [CoursePart]? = nil,
        trainingType: TrainingType? = nil, trainerIds: [UUID]? = nil
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
        self.parts = parts
        self.trainingType = trainingType
        self.trainerIds = trainerIds
        summarizeParts()
    }

    enum CodingKeys: String, CodingKey {
        case participants, course, skill, totalHours, sessionMinutes, earliest, latest, allowedTimes, cohortId, parts
        case trainingType, trainerIds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let parts = try container.decodeIfPresent([CoursePart].self, forKey: .parts)
        // with parts, the summary fields are recomputed below; without, they are the course
        let summary = { (key: CodingKeys) throws -> Int in
            parts == nil ? try container.decode(Int.self, forKey: key) : 0
        }
        self.init(
            participants: try container.decode(Int.self, forKey: .participants),
            course: try container.decode(String.self, forKey: .course),
            skill: parts == nil ? try container.decode(String.self, forKey: .skill) : "",
            totalHours: try summary(.totalHours), sessionMinutes: try summary(.sessionMinutes),
            earliest: try container.decode(CalendarDate.self, forKey: .earliest),
            latest: try container.decode(CalendarDate.self, forKey: .latest),
            allowedTimes: try container.decodeIfPresent([AllowedTime].self, forKey: .allowedTimes),
            cohortId: try container.decodeIfPresent(UUID.self, forKey: .cohortId), parts: parts,
            trainingType: try container.decodeIfPresent(TrainingType.self, forKey: .trainingType),
            trainerIds: try container.decodeIfPresent([UUID].self, forKey: .trainerIds))
    }

    func validate() throws(DomainError) {
        _ = try Validate.range(participants, 1...500, field: "details/participants")
        _ = try Validate.name(course, field: "details/course")
        if parts != nil {
            try validateParts()
        } else {
            _ = try Validate.tag(skill, field: "details/skill")
            _ = try Validate.range(totalHours, 1...400, field: "details/totalHours")
            _ = try Validate.range(sessionMinutes, 30...600, field: "details/sessionMinutes")
            guard (totalHours * 60) % sessionMinutes == 0 else {
                throw DomainError(
                    field: "details/sessionMinutes", rule: "divides",
                    message: "The \(totalHours) hours must split into whole sessions of \(sessionMinutes) minutes.")
            }
        }
        try validateTrainers()
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
