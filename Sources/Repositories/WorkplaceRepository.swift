public import Database
public import Foundation

/// Reads and writes `user_workplaces`: the center each user chose to work in.
public struct WorkplaceRepository: Sendable {
    public init() {}

    /// The center `userId` chose, or `nil` when they never chose one.
    public func chosen(by userId: UUID, on connection: Connection) throws -> UUID? {
        try connection.query("SELECT center_id FROM user_workplaces WHERE user_id = \(userId)").first?.decode(
            "center_id")
    }

    /// Remembers that `userId` works in `centerId` from now on (replacing an earlier choice).
    /// - Returns: the center chosen before, if any.
    public func choose(_ centerId: UUID, by userId: UUID, on connection: Connection) throws -> UUID? {
        let before =
            try connection.query(
                "SELECT center_id FROM user_workplaces WHERE user_id = \(userId) FOR UPDATE"
            ).first?.decode("center_id") as UUID?
        try connection.query(
            """
            INSERT INTO user_workplaces (user_id, center_id) VALUES (\(userId), \(centerId))
            ON CONFLICT (user_id) DO UPDATE SET center_id = excluded.center_id, chosen_at = now()
            """)
        return before
    }
}
