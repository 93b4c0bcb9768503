public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Timetables of a resource, an instructor, a cohort or an organization over a date range.
///
/// Who reads what: a resource's timetable is its center's to show (other organizations' work as
/// occupied blocks); an instructor's is theirs and their center's managers', in full. An
/// organization's or a cohort's is its organization's own, in full at every center; a manager of
/// another organization reads it only when the organization has requests or bookings at a center
/// they manage, and then only the entries at the centers they manage (404 otherwise).
public struct TimetableService: Sendable {
    let database: Database
    let timetables = TimetableRepository()

    public init(database: Database) {
        self.database = database
    }

    /// The subject's confirmed sessions overlapping `[from, to)`, as the caller may read them.
    /// - Throws: `.notFound` when the subject does not exist or the caller may not know of it,
    ///   `.forbidden` when the caller may not read it.
    public func timetable(
        of subject: TimetableSubject, from: Date, to: Date, page: Page, as caller: Principal
    ) async throws -> [TimetableEntry] {
        let timetables = timetables
        return try await database.reading { connection in
            guard let owner = try timetables.owner(of: subject, on: connection) else {
                throw ServiceError.notFound(entity: subject.entity)
            }
            let reading = try Self.reading(subject, owner, as: caller, on: connection)
            let entries = try PeriodRepository().withPeriods(
                timetables.entries(
                    of: subject, from: from, to: to, at: reading.centers, limit: page.limit, offset: page.offset,
                    on: connection),
                on: connection)
            return try BookingDisclosure(caller).show(entries, to: reading.audience, on: connection)
        }
    }

    /// Authorizes the read and says which centers' entries the caller reads, and how.
    static func reading(
        _ subject: TimetableSubject, _ owner: TimetableOwner, as caller: Principal, on connection: Connection
    ) throws -> (centers: Set<UUID>?, audience: Audience) {
        let policy = Policy(caller)
        switch (subject, owner.centerId, owner.organizationId) {
        case (.resource, let centerId?, _):
            try policy.authorize(.read, .center(centerId), entity: subject.entity)
            return (nil, policy.audience(at: centerId))
        case (.instructor(let id), let centerId?, _):
            // an instructor's timetable is the work they teach: whoever may read it sees it in full
            try policy.authorize(.read, .instructor(id: id, centerId: centerId), entity: subject.entity)
            return (nil, .center)
        case (.cohort, _, let organizationId?), (.organization, _, let organizationId?):
            try policy.authorize(.read, .organization(organizationId), entity: subject.entity)
            switch policy.timetableReach(of: organizationId) {
            case .everywhere:
                return (nil, policy.audience(at: nil))
            case .centers(let managed):
                // a manager of another organization: where the work is theirs to see
                guard try TimetableRepository().hasWork(organizationId: organizationId, at: managed, on: connection)
                else { throw ServiceError.notFound(entity: subject.entity) }
                return (managed, .center)
            case nil:
                throw ServiceError.notFound(entity: subject.entity)
            }
        default:
            throw ServiceError.notFound(entity: subject.entity)
        }
    }
}
