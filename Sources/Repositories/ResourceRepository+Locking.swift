public import Database
public import Domain
public import Foundation

extension ResourceRepository {
    /// Locks the resource (`FOR UPDATE`) and reads it: a booking made meanwhile waits for the
    /// caller's decision.
    /// - Returns: the resource, or `nil` when there is none with this id.
    public func lock(id: UUID, on connection: Connection) throws -> Resource? {
        guard try !connection.query("SELECT id FROM resources WHERE id = \(id) FOR UPDATE").isEmpty else { return nil }
        return try find(id: id, on: connection)
    }

    /// Locks the resource and everything that contains it, in id order (`FOR UPDATE`): the same
    /// locks a booking takes, stronger, so bookings of the resource, of what it contains and of
    /// what contains it wait for the caller's decision (see `sql/0008_bookings.sql`).
    /// - Returns: the resource, or `nil` when there is none with this id.
    public func lockWithAncestors(id: UUID, on connection: Connection) throws -> Resource? {
        let locked = try connection.query(
            """
            SELECT r.id FROM resources r JOIN resource_ancestors(\(id)) a ON a.resource_id = r.id
            ORDER BY r.id FOR UPDATE OF r
            """)
        guard !locked.isEmpty else { return nil }
        return try find(id: id, on: connection)
    }
}
