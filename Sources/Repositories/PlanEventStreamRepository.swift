public import Database
public import Foundation

/// The open plan-event streams (`plan_event_streams`), one leased row each: the cap on a user's
/// concurrent streams then holds across every service process, and a process that dies leaves
/// rows that expire with their lease.
public struct PlanEventStreamRepository: Sendable {
    public init() {}

    /// Opens a stream for `userId` unless it already holds `cap` live ones.
    /// - Returns: the stream's id, or `nil` when the cap is reached.
    public func open(
        userId: UUID, planId: UUID, cap: Int, lease: Duration, on connection: Connection
    ) throws -> UUID? {
        try connection.query(
            "SELECT pg_advisory_xact_lock(hashtextextended(\("praxis.plan-streams:" + userId.uuidString.lowercased()), 0))"
        )
        try connection.query("DELETE FROM plan_event_streams WHERE user_id = \(userId) AND lease_until < now()")
        let open: Int = try connection.query(
            "SELECT count(*)::int AS open FROM plan_event_streams WHERE user_id = \(userId)"
        ).first!.decode("open")
        guard open < cap else { return nil }
        return try connection.query(
            """
            INSERT INTO plan_event_streams (user_id, plan_id, lease_until)
            VALUES (\(userId), \(planId), now() + make_interval(secs => \(lease / .seconds(1))))
            RETURNING id
            """
        ).first!.decode("id")
    }

    /// Extends a stream's lease.
    public func renew(id: UUID, lease: Duration, on connection: Connection) throws {
        try connection.query(
            "UPDATE plan_event_streams SET lease_until = now() + make_interval(secs => \(lease / .seconds(1))) WHERE id = \(id)"
        )
    }

    /// Closes a stream.
    public func close(id: UUID, on connection: Connection) throws {
        try connection.query("DELETE FROM plan_event_streams WHERE id = \(id)")
    }

    /// The live streams of a user.
    public func count(userId: UUID, on connection: Connection) throws -> Int {
        try connection.query(
            "SELECT count(*)::int AS open FROM plan_event_streams WHERE user_id = \(userId) AND lease_until >= now()"
        ).first!.decode("open")
    }
}
