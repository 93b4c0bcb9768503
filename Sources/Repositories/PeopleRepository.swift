public import Database
public import Domain
public import Foundation

/// Writes instructors (with skills and weekly availability) and cohorts.
public struct PeopleRepository: Sendable {
    public init() {}

    /// Inserts an instructor with certified skills (tag → expiry date or nil) and weekly
    /// availability (ISO weekday, `HH:MM`, `HH:MM`); returns the new id.
    public func insertInstructor(
        centerId: UUID, organizationId: UUID, name: String, postType: String, weeklyHourCap: Int,
        skills: [(skill: String, expiresOn: CalendarDate?)], availability: [(weekday: Int, from: String, to: String)],
        on connection: Connection
    ) throws -> UUID {
        let id: UUID = try connection.query(
            """
            INSERT INTO instructors (center_id, organization_id, name, post_type, weekly_hour_cap)
            VALUES (\(centerId), \(organizationId), \(name), \(postType)::post_type, \(weeklyHourCap)::int4) RETURNING id
            """
        ).first!.decode("id")
        for skill in skills {
            try connection.query(
                "INSERT INTO instructor_skills (instructor_id, skill, expires_on) VALUES (\(id), \(skill.skill), \(skill.expiresOn))")
        }
        for slot in availability {
            try connection.query(
                """
                INSERT INTO instructor_availability (instructor_id, weekday, available_from, available_to)
                VALUES (\(id), \(slot.weekday)::int2, \(slot.from)::time, \(slot.to)::time)
                """)
        }
        return id
    }

    /// Inserts a cohort (a class, a group) of an organization; returns the new id.
    public func insertCohort(organizationId: UUID, name: String, size: Int, on connection: Connection) throws -> UUID {
        try connection.query(
            "INSERT INTO cohorts (organization_id, name, size) VALUES (\(organizationId), \(name), \(size)::int4) RETURNING id"
        ).first!.decode("id")
    }
}
