public import Dates
public import Foundation

/// Someone who runs sessions: certified skills, an affiliation, a post type, a weekly
/// availability and a cap on hours per week.
public struct Instructor: Sendable, Equatable, Codable {
    /// A skill tag and the date its certificate lapses (`nil`: it does not).
    public struct Skill: Sendable, Equatable, Codable {
        public var skill: String
        public var expiresOn: CalendarDate?

        public init(skill: String, expiresOn: CalendarDate? = nil) {
            self.skill = skill
            self.expiresOn = expiresOn
        }
    }

    /// Hours of a weekday when the instructor can teach (local `"HH:MM"` in JSON).
    public struct Availability: Sendable, Equatable, Codable {
        public var weekday: Int
        public var from: ClockTime
        public var to: ClockTime

        public init(weekday: Int, from: ClockTime, to: ClockTime) {
            self.weekday = weekday
            self.from = from
            self.to = to
        }
    }

    /// 固定岗 (fixed) or 流动岗 (flexible).
    public enum PostType: String, Sendable, Codable, CaseIterable {
        case fixed
        case flexible
    }

    public var id: UUID
    public var centerId: UUID
    /// The school or enterprise the instructor belongs to.
    public var organizationId: UUID
    public var name: String
    public var postType: PostType
    public var weeklyHourCap: Int
    public var skills: [Skill]
    public var availability: [Availability]
    /// Dated absences, by first day.
    public var leave: [Leave]
    public var version: Int

    public init(
        id: UUID, centerId: UUID, organizationId: UUID, name: String, postType: PostType, weeklyHourCap: Int,
        skills: [Skill], availability: [Availability], leave: [Leave] = [], version: Int
    ) {
        self.id = id
        self.centerId = centerId
        self.organizationId = organizationId
        self.name = name
        self.postType = postType
        self.weeklyHourCap = weeklyHourCap
        self.skills = skills
        self.availability = availability
        self.leave = leave
        self.version = version
    }

    /// Whether the instructor is on leave on any day of `dates`.
    public func isOnLeave(during dates: ClosedRange<CalendarDate>) -> Bool {
        leave.contains { $0.first <= dates.upperBound && dates.lowerBound <= $0.last }
    }
}

/// An instructor as a caller sends it.
public struct NewInstructor: Sendable, Decodable {
    public var organizationId: UUID
    public var name: String
    public var postType: Instructor.PostType
    public var weeklyHourCap: Int
    public var skills: [Instructor.Skill]
    public var availability: [Instructor.Availability]

    public init(
        organizationId: UUID, name: String, postType: Instructor.PostType, weeklyHourCap: Int,
        skills: [Instructor.Skill], availability: [Instructor.Availability]
    ) {
        self.organizationId = organizationId
        self.name = name
        self.postType = postType
        self.weeklyHourCap = weeklyHourCap
        self.skills = skills
        self.availability = availability
    }

    /// Checks every field; returns the trimmed name.
    public func validated() throws(DomainError) -> String {
        let name = try Validate.name(name, field: "name")
        _ = try Validate.range(weeklyHourCap, 1...80, field: "weeklyHourCap")
        var seen: Set<String> = []
        for (index, skill) in skills.enumerated() {
            let tag = try Validate.tag(skill.skill, field: "skills/\(index)/skill")
            guard seen.insert(tag).inserted else {
                throw DomainError(
                    field: "skills/\(index)/skill", rule: "unique", message: "The skill \(tag) is listed twice.")
            }
        }
        var spans: [Int: [Range<ClockTime>]] = [:]
        for (index, slot) in availability.enumerated() {
            _ = try Validate.range(slot.weekday, 1...7, field: "availability/\(index)/weekday")
            let (from, to) = (slot.from, slot.to)
            guard to > from else {
                throw DomainError(
                    field: "availability/\(index)/to", rule: "afterFrom",
                    message: "An availability must end after it starts.")
            }
            guard !spans[slot.weekday, default: []].contains(where: { $0.overlaps(from..<to) }) else {
                throw DomainError(
                    field: "availability/\(index)", rule: "overlap",
                    message: "Two availabilities of weekday \(slot.weekday) overlap.")
            }
            spans[slot.weekday, default: []].append(from..<to)
        }
        return name
    }
}
