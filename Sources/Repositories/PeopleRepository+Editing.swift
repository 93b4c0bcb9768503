public import Database
public import Dates
public import Domain
public import Foundation

extension PeopleRepository {
    /// The instructor with this id; `forUpdate` locks its row until the transaction ends.
    public func instructor(id: UUID, forUpdate: Bool = false, on connection: Connection) throws -> Instructor? {
        try instructors(where: "i.id = \(id)", limit: 1, offset: 0, forUpdate: forUpdate, on: connection).first
    }

    /// The instructors affiliated with an organization, at every center, by name.
    public func instructors(
        organizationId: UUID, limit: Int, offset: Int, on connection: Connection
    ) throws -> [Instructor] {
        try instructors(where: "i.organization_id = \(organizationId)", limit: limit, offset: offset, on: connection)
    }

    /// Writes an instructor whole (fields, skills, availability, leave) and bumps the version
    /// (the caller holds the row's lock and has checked the version).
    /// - Returns: the instructor as stored.
    public func update(_ instructor: Instructor, on connection: Connection) throws -> Instructor {
        let id = instructor.id
        try connection.query(
            """
            UPDATE instructors SET organization_id = \(instructor.organizationId), name = \(instructor.name),
                   post_type = \(instructor.postType.rawValue)::post_type,
                   weekly_hour_cap = \(instructor.weeklyHourCap)::int4, version = version + 1, updated_at = now()
            WHERE id = \(id)
            """)
        try connection.query("DELETE FROM instructor_skills WHERE instructor_id = \(id)")
        try connection.query("DELETE FROM instructor_availability WHERE instructor_id = \(id)")
        try connection.query("DELETE FROM instructor_leave WHERE instructor_id = \(id)")
        try insertSkills(instructor.skills, of: id, on: connection)
        try insertAvailability(instructor.availability, of: id, on: connection)
        for leave in instructor.leave {
            try connection.query(
                """
                INSERT INTO instructor_leave (instructor_id, first_day, last_day, note)
                VALUES (\(id), \(leave.first)::date, \(leave.last)::date, \(leave.note))
                """)
        }
        return try self.instructor(id: id, on: connection)!
    }

    /// Whether the instructor is on leave on any of the days `dates`.
    public func isOnLeave(
        _ instructorId: UUID, during dates: ClosedRange<CalendarDate>, on connection: Connection
    )
        throws -> Bool
    {
        try !connection.query(
            """
            SELECT 1 FROM instructor_leave WHERE instructor_id = \(instructorId)
            AND first_day <= \(dates.upperBound)::date AND \(dates.lowerBound)::date <= last_day LIMIT 1
            """
        ).isEmpty
    }

    /// Whether an account reads this instructor's timetable (an instructor role names it).
    public func hasAccount(instructorId: UUID, on connection: Connection) throws -> Bool {
        try !connection.query("SELECT 1 FROM role_grants WHERE instructor_id = \(instructorId) LIMIT 1").isEmpty
    }

    func insertSkills(_ skills: [Instructor.Skill], of id: UUID, on connection: Connection) throws {
        for skill in skills {
            try connection.query(
                "INSERT INTO instructor_skills (instructor_id, skill, expires_on) VALUES (\(id), \(skill.skill), \(skill.expiresOn)::date)"
            )
        }
    }

    func insertAvailability(_ slots: [Instructor.Availability], of id: UUID, on connection: Connection) throws {
        for slot in slots {
            try connection.query(
                """
                INSERT INTO instructor_availability (instructor_id, weekday, available_from, available_to)
                VALUES (\(id), \(slot.weekday)::int2, \(slot.from)::time, \(slot.to)::time)
                """)
        }
    }
}
