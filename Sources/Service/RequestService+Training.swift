public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension RequestService {
    /// Asks, for the caller's own school, for a term of practical sessions for one of its classes:
    /// a student-training request submitted at once and named after the class and the course.
    /// - Throws: `.forbidden` for a caller who is not the school's coordinator (or a manager of
    ///   the center); `.invalid` naming `details/cohortId` for a class that is not the school's,
    ///   and whatever ``create(_:in:as:)`` refuses.
    public func requestTraining(
        _ details: StudentTrainingDetails, in centerId: UUID, as caller: Principal
    ) async throws -> Request {
        let work = Work(centerId: centerId, organizationId: caller.organizationId, category: .studentTraining)
        try Policy(caller).authorize(.create, .work(work), entity: "request")
        return try await database.withTransaction { connection in
            guard let cohort = try people.cohort(id: details.cohortId, on: connection),
                cohort.organizationId == caller.organizationId
            else { throw Self.invalid("details/cohortId", "exists", "Choose one of your classes.") }
            let input = NewRequest(
                organizationId: caller.organizationId, title: "\(cohort.name) \(details.courseName)",
                details: .studentTraining(details), submit: true)
            return try create(input, in: centerId, as: caller, on: connection)
        }
    }
}
