public import Database

/// How much background work waits: what the queue-depth gauge reads.
public struct JobQueueRepository: Sendable {
    public init() {}

    /// Jobs waiting to be claimed, by kind. Today the planner runs (`plans` still `queued`) are the
    /// only jobs; when one `jobs` table holds every kind, this is the one statement to repoint.
    public func queued(on connection: Connection) throws -> [String: Int] {
        let count: Int = try connection.query(
            "SELECT count(*)::int8 AS n FROM plans WHERE status = 'queued'"
        ).first!.decode("n")
        return ["plan": count]
    }
}
