import Access
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

    /// Where the subject belongs, so that the caller's right to read its timetable can be decided.
    /// - Throws: `.notFound` when the subject does not exist.
    public func owner(of subject: TimetableSubject) async throws -> TimetableOwner {
        let timetables = timetables
        guard let owner = try await database.withConnection({ try timetables.owner(of: subject, on: $0) }) else {
            throw ServiceError.notFound(entity: subject.entity)
        }
        return owner
    }

    /// The subject's confirmed sessions overlapping `[from, to)`, as `audience` may read them.
    /// - Throws: `.notFound` when the subject does not exist.
    public func timetable(
        of subject: TimetableSubject, from: Date, to: Date, page: Page, audience: Audience
    ) async throws -> [TimetableEntry] {
        let timetables = timetables
        return try await database.withConnection { connection in
            guard try timetables.owner(of: subject, on: connection) != nil else {
                throw ServiceError.notFound(entity: subject.entity)
            }
            return try timetables.entries(
                of: subject, from: from, to: to, limit: page.limit, offset: page.offset, on: connection
            )
            .map { $0.shown(to: audience) }
        }
    }
}
