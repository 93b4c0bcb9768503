import Access
import Domain
import Logging
import Service
import ServiceLifecycle

/// Takes the go/no-go decisions of shared-employee courses as their dates come: on start and
/// then every `interval`, for every center as of its own today. Deciding is idempotent, so
/// several `praxis serve` processes may run it side by side. It acts as ``Principal/system``.
struct CourseDecisionJob: Service {
    let centers: CenterService
    let courses: SharedCourseService
    let interval: Duration
    let logger: Logger

    /// Runs until graceful shutdown, which ends the wait between rounds (not an error).
    func run() async {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await decideDueCourses()
                try? await Task.sleep(for: interval)
            }
        }
    }

    private func decideDueCourses() async {
        do {
            var offset = 0
            while true {
                let page = try await centers.centers(page: try Page(limit: 500, offset: offset), as: .system)
                for center in page {
                    let decided = try await courses.decide(in: center.id, asOf: center.today(), as: .system)
                    for course in decided {
                        logger.info(
                            "decided a shared-employee course",
                            metadata: ["course": "\(course.courseId)", "runs": "\(course.decision?.runs ?? false)"])
                    }
                }
                guard page.count == 500 else { break }
                offset += 500
            }
        } catch {
            logger.warning("course decisions will be retried", metadata: ["error": "\(error)"])
        }
    }
}
