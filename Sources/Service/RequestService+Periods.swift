import Access
import Database
import Domain
import Foundation
import Repositories

extension RequestService {
    /// A training request in periods needs a center with bell periods, and a weekday with that many.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `details/sessionPeriods`, rule `centerPeriods`.
    func checkPeriods(_ details: StudentTrainingDetails, centerId: UUID, on connection: Connection) throws {
        guard let count = details.sessionPeriods else { return }
        let schedule = try PeriodRepository().schedule(centerId: centerId, on: connection)
        guard schedule.sets.contains(where: { $0.periods.count >= count }) else {
            throw Self.invalid(
                "details/sessionPeriods", "centerPeriods",
                schedule.isEmpty
                    ? "The center has no bell periods; give the session's length in sessionMinutes."
                    : "No day of the center has \(count) periods.")
        }
    }
}
