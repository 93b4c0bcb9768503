public import Database
public import Foundation

extension JobQueue {
    /// Deletes the jobs that ended (done or dead) before `before`.
    /// - Returns: how many were deleted.
    public func purge(finishedBefore before: Date, on connection: Connection) throws -> Int {
        try connection.query(
            "DELETE FROM jobs WHERE status IN ('done', 'dead') AND finished_at < \(before)"
        ).affectedRows
    }
}
