public import Database
import Dates
public import Domain
public import Foundation

/// Reads and writes instructors (with skills and weekly availability) and cohorts.
public struct PeopleRepository: Sendable {
    public init() {}

    /// Inserts an instructor of a center with its skills and availability.
    public func insert(
        _ input: NewInstructor, name: String, centerId: UUID, on connection: Connection
    ) throws -> Instructor {
        let id: UUID = try connection.query(
            """
            INSERT INTO instructors (center_id, organization_id, name, post_type, weekly_hour_cap)
            VALUES (\(centerId), \(input.organizationId), \(name), \(input.postType.rawValue)::post_type, \(input.weeklyHourCap)::int4)
            RETURNING id
            """
        ).first!.decode("id")
        try insertSkills(input.skills, of: id, on: connection)
        try insertAvailability(input.availability, of: id, on: connection)
        return try instructors(where: "i.id = \(id)", limit: 1, offset: 0, on: connection)[0]
    }

    /// The center an instructor works at, if the instructor exists.
    public func centerOfInstructor(_ id: UUID, on connection: Connection) throws -> UUID? {
        try connection.query("SELECT center_id FROM instructors WHERE id = \(id)").first?.decode("center_id")
    }

    /// The organization each of these cohorts belongs to, for those that exist.
    public func organizationsOfCohorts(_ ids: [UUID], on connection: Connection) throws -> [UUID: UUID] {
        let ids = ids.map { $0.uuidString.lowercased() }
        let rows = try connection.query("SELECT id, organization_id FROM cohorts WHERE id = ANY(\(ids)::uuid[])")
        return Dictionary(
            uniqueKeysWithValues: try rows.map {
                (try $0.decode("id", as: UUID.self), try $0.decode("organization_id", as: UUID.self))
            })
    }

    /// A center's instructors by name; only those of `ids` when given.
    public func instructors(
        centerId: UUID, ids: [UUID]? = nil, limit: Int, offset: Int, on connection: Connection
    ) throws -> [Instructor] {
        var condition: SQL = "i.center_id = \(centerId)"
        if let ids { condition.append(" AND i.id = ANY(\(ids.map { $0.uuidString.lowercased() })::uuid[])") }
        return try instructors(where: condition, limit: limit, offset: offset, on: connection)
    }

    func instructors(
        where condition: SQL, limit: Int, offset: Int, forUpdate: Bool = false, on connection: Connection
    ) throws -> [Instructor] {
        let lock: SQL = forUpdate ? " FOR UPDATE OF i" : ""
        let rows = try connection.query(
            """
            SELECT i.id, i.center_id, i.organization_id, i.name, i.post_type, i.weekly_hour_cap, i.version,
                   coalesce((SELECT array_agg(s.skill || '|' || coalesce(to_char(s.expires_on, 'YYYY-MM-DD'), '') ORDER BY s.skill)
                             FROM instructor_skills s WHERE s.instructor_id = i.id), '{}') AS skills,
                   coalesce((SELECT json_agg(json_build_object('weekday', a.weekday, 'from', to_char(a.available_from, 'HH24:MI'),
                                                               'to', to_char(a.available_to, 'HH24:MI'))
                                             ORDER BY a.weekday, a.available_from)
                             FROM instructor_availability a WHERE a.instructor_id = i.id), '[]') AS availability,
                   coalesce((SELECT json_agg(json_build_object('first', to_char(l.first_day, 'YYYY-MM-DD'),
                                                               'last', to_char(l.last_day, 'YYYY-MM-DD'), 'note', l.note)
                                             ORDER BY l.first_day)
                             FROM instructor_leave l WHERE l.instructor_id = i.id), '[]') AS leave_days
            FROM instructors i WHERE \(condition) ORDER BY i.name, i.id LIMIT \(limit) OFFSET \(offset)\(lock)
            """)
        return try rows.map { row in
            let skills = try row.decode("skills", as: [String].self).map { text -> Instructor.Skill in
                let parts = text.split(separator: "|", omittingEmptySubsequences: false)
                return Instructor.Skill(skill: String(parts[0]), expiresOn: CalendarDate(iso: String(parts[1])))
            }
            let availability: [Instructor.Availability] = try row.decode("availability", as: JSONB.self).decode()
            return Instructor(
                id: try row.decode("id"), centerId: try row.decode("center_id"),
                organizationId: try row.decode("organization_id"),
                name: try row.decode("name"), postType: try row.decode("post_type"),
                weeklyHourCap: try row.decode("weekly_hour_cap"),
                skills: skills, availability: availability,
                leave: try row.decode("leave_days", as: JSONB.self).decode(), version: try row.decode("version"))
        }
    }
}
