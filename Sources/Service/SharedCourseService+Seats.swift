public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension SharedCourseService {
    /// Asks, for the caller's own organization, for `seats` seats in one of a center's courses:
    /// a shared-employee request submitted at once and named after the course.
    /// - Throws: `.notFound` when the center offers no such course; what
    ///   ``RequestService/create(_:in:as:)`` throws (`.forbidden` for a caller who is not an SME's
    ///   coordinator, `.invalid` for the seats or a course no longer open).
    public func askSeats(
        _ seats: Int, in courseId: UUID, at centerId: UUID, as caller: Principal
    ) async throws
        -> Request
    {
        let (requests, requestService) = (requests, RequestService(database: database))
        return try await database.withTransaction { connection in
            guard let course = try requests.find(id: courseId, on: connection), course.centerId == centerId,
                case .sharedEmployee(let offer) = course.details, offer.isOffering
            else { throw ServiceError.notFound(entity: "course") }
            let input = NewRequest(
                organizationId: caller.organizationId, title: "\(course.title) × \(seats)",
                details: .sharedEmployee(SharedEmployeeDetails(courseRequestId: courseId, seats: seats)), submit: true)
            return try requestService.create(input, in: centerId, as: caller, on: connection)
        }
    }
}
