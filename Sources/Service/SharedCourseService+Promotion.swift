import Access
import Database
import Domain
import Repositories

extension SharedCourseService {
    /// Gives the seats a cancelled seat request frees in a course that runs to the course's
    /// wait-listed SMEs, in order of asking, each at most what it asked for; in the caller's
    /// transaction. A promoted request is submitted again with its seats allotted, and its SME is
    /// told (`seat.promoted`).
    static func promoteWaitListed(after cancelled: Request, by actor: AuditActor, on connection: Connection) throws {
        guard case .sharedEmployee(let details) = cancelled.details, !details.isOffering,
            let courseId = details.courseRequestId
        else { return }
        // every shared-employee request of the center, locked as a decision locks them
        let locked = try RequestRepository().all(
            centerId: cancelled.centerId, category: .sharedEmployee, forUpdate: true, on: connection)
        guard
            let course = try offerings(of: locked, in: cancelled.centerId, on: connection).first(where: {
                $0.courseId == courseId
            }), course.decision?.runs == true, course.state.isLive
        else { return }
        let holding = course.seatRequests.filter { $0.state.isLive && $0.state != .waitListed }
        var free = course.capacity - holding.reduce(0) { $0 + $1.allotted }
        let byId = Dictionary(uniqueKeysWithValues: locked.map { ($0.id, $0) })
        for seat in course.seatRequests where seat.state == .waitListed && free > 0 {
            guard let request = byId[seat.requestId] else { continue }
            let granted = min(seat.asked, free)
            try CourseDecisionRepository().allot(granted, to: seat.requestId, in: courseId, on: connection)
            _ = try RequestService.transition(
                request, to: .submitted, reason: nil, by: actor, on: connection, notice: .seatPromoted)
            free -= granted
        }
    }
}
