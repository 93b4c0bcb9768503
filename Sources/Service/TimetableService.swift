public import Database
public import Domain
public import Foundation
import Repositories

/// Timetables of a resource, an instructor, a cohort or an organization over a date range.
public struct TimetableService: Sendable {
    let database: Database
    let timetables = TimetableRepository()

    public init(database: Database) {
        self.database = database
    }

    /// The subject's confirmed sessions overlapping `[from, to)`, as `audience` may read them.
    /// - Throws: `.notFound` when the subject does not exist.
    public func timetable(
        of subject: TimetableSubject, from: Date, to: Date, page: Page, audience: Audience
    ) async throws -> [TimetableEntry] {
        let timetables = timetables
        return try await database.withConnection { connection in
            guard try timetables.exists(subject, on: connection) else { throw ServiceError.notFound(entity: subject.entity) }
            return try timetables.entries(of: subject, from: from, to: to, limit: page.limit, offset: page.offset, on: connection)
                .map { $0.shown(to: audience) }
        }
    }
}
