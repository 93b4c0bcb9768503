import Access
import Database
import Domain
import Foundation
import Logging
import Repositories

/// What each kind of scheduled job does, as ``Principal/system``, as of the run's `now`.
struct ScheduledWork {
    let database: Database
    let logger: Logger

    /// Finished jobs are kept this long for the operator, then purged.
    static let jobRetention: Duration = .seconds(30 * 86_400)

    /// Does the work of a scheduled job of `kind`.
    /// - Throws: what the work throws (the job is then retried after its back-off).
    func run(_ kind: JobKind, now: Date) async throws {
        switch kind {
        case .courseDecisions:
            let courses = SharedCourseService(database: database)
            for center in try await centers() {
                let decided = try await courses.decide(in: center.id, asOf: center.today(now: now), as: .system)
                for course in decided {
                    logger.info(
                        "decided a shared-employee course",
                        metadata: ["course": "\(course.courseId)", "runs": "\(course.decision?.runs ?? false)"])
                }
            }
        case .certificateReminders:
            let reminders = CertificateReminderService(database: database)
            for center in try await centers() {
                try await reminders.remind(at: center.id, now: now, as: .system)
            }
        case .purge:
            let before = now.addingTimeInterval(-Double(Self.jobRetention.components.seconds))
            let purged = try await database.withConnection { try JobQueue().purge(finishedBefore: before, on: $0) }
            logger.info("purged finished jobs", metadata: ["jobs": "\(purged)"])
        default:
            throw ServiceError.conflict(
                "No scheduled work is known for jobs of kind \(kind.rawValue).", rule: "jobKind")
        }
    }

    /// Every center, read page by page.
    private func centers() async throws -> [Center] {
        let service = CenterService(database: database)
        var (all, offset) = ([Center](), 0)
        while true {
            let page = try await service.centers(page: try Page(limit: 500, offset: offset), as: .system)
            all += page
            guard page.count == 500 else { return all }
            offset += 500
        }
    }
}
