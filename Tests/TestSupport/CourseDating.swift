public import Database
public import Foundation

extension TestDatabase {
    /// Dates a shared-employee course as a published plan would: one confirmed session of it, two hours
    /// `daysAhead` days from now, on no resource (so it clashes with nothing). Seats are sold only in a
    /// dated course.
    public static func dateCourse(_ courseId: UUID, daysAhead: Double = 60, on database: Database) async throws {
        let start = Date().addingTimeInterval(daysAhead * 86_400)
        try await database.query(
            """
            SELECT insert_booking(gen_random_uuid(), r.center_id, r.organization_id, r.id, r.category, r.title,
                   tstzrange(\(start), \(start.addingTimeInterval(7_200))), NULL::uuid, 0,
                   '{}'::uuid[], '{}'::int4[], '{}'::uuid[])
            FROM requests r WHERE r.id = \(courseId)
            """)
    }
}
