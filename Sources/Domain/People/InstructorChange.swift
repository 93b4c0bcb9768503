public import Foundation

/// A change to an instructor as a caller sends it: absent fields stay as they are; a list given
/// (skills with their certificate expiry, availability, leave) replaces the stored one.
public struct InstructorChange: Sendable, Decodable {
    /// The new affiliation: a school or an enterprise.
    public var organizationId: UUID?
    public var name: String?
    public var postType: Instructor.PostType?
    public var weeklyHourCap: Int?
    public var skills: [Instructor.Skill]?
    public var availability: [Instructor.Availability]?
    public var leave: [Leave]?

    public init(
        organizationId: UUID? = nil, name: String? = nil, postType: Instructor.PostType? = nil,
        weeklyHourCap: Int? = nil, skills: [Instructor.Skill]? = nil, availability: [Instructor.Availability]? = nil,
        leave: [Leave]? = nil
    ) {
        self.organizationId = organizationId
        self.name = name
        self.postType = postType
        self.weeklyHourCap = weeklyHourCap
        self.skills = skills
        self.availability = availability
        self.leave = leave
    }

    /// The instructor with the change applied, every field checked as when it was added
    /// (``NewInstructor/validated()``) and the leave by ``Leave/validated(_:)``.
    /// - Throws: ``DomainError`` naming the field.
    public func applied(to instructor: Instructor) throws(DomainError) -> Instructor {
        var changed = instructor
        let input = NewInstructor(
            organizationId: organizationId ?? instructor.organizationId, name: name ?? instructor.name,
            postType: postType ?? instructor.postType, weeklyHourCap: weeklyHourCap ?? instructor.weeklyHourCap,
            skills: skills ?? instructor.skills, availability: availability ?? instructor.availability)
        changed.name = try input.validated()
        changed.organizationId = input.organizationId
        changed.postType = input.postType
        changed.weeklyHourCap = input.weeklyHourCap
        changed.skills = input.skills.map {
            Instructor.Skill(skill: $0.skill.trimmingCharacters(in: .whitespaces), expiresOn: $0.expiresOn)
        }
        changed.availability = input.availability
        changed.leave = try Leave.validated(leave ?? instructor.leave)
        return changed
    }
}
