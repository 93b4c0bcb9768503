public import Database
public import Domain
public import Foundation

/// A session as a feed reads it: the timetable entry, whether it was cancelled, its version and
/// when it last changed.
public struct FeedRow: Sendable {
    public var entry: TimetableEntry
    public var cancelled: Bool
    public var version: Int
    public var changedAt: Date
}

extension TimetableRepository {
    /// What a feed shows of `subject` (or, when `nil`, of the sessions `teachers` teach) overlapping
    /// `[from, to)`: confirmed sessions, and cancelled ones that have not ended by `now`.
    /// Resources are matched through what the booking uses (above, at or below the resource), so a
    /// cancelled booking, whose blocks are gone, is found too.
    public func feedRows(
        of subject: TimetableSubject?, teachers: Set<UUID>, from: Date, to: Date, at centerIds: Set<UUID>?,
        now: Date, limit: Int, on connection: Connection
    ) throws -> [FeedRow] {
        let teacherIds = teachers.map { $0.uuidString.lowercased() }.sorted()
        let condition: SQL =
            switch subject {
            case .resource(let id):
                """
                EXISTS (SELECT 1 FROM booking_resources u WHERE u.booking_id = b.id
                        AND (u.resource_id IN (SELECT resource_id FROM resource_ancestors(\(id)))
                             OR u.resource_id IN (SELECT resource_id FROM resource_descendants(\(id)))))
                """
            case .instructor(let id): "(b.instructor_id = \(id) OR b.second_instructor_id = \(id))"
            case .cohort(let id):
                "EXISTS (SELECT 1 FROM booking_cohorts c WHERE c.booking_id = b.id AND c.cohort_id = \(id))"
            case .organization(let id): "b.organization_id = \(id)"
            case nil:
                "(b.instructor_id = ANY(\(teacherIds)::uuid[]) OR b.second_instructor_id = ANY(\(teacherIds)::uuid[]))"
            }
        return try rows(
            where: "(b.status = 'confirmed' OR upper(b.during) > \(now)) AND \(condition)", from: from, to: to,
            at: centerIds, limit: limit, offset: 0, on: connection
        ).map { row in
            FeedRow(
                entry: try Self.entry(from: row), cancelled: try row.decode("status", as: String.self) == "cancelled",
                version: try row.decode("version"), changedAt: try row.decode("changed_at"))
        }
    }
}
