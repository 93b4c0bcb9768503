public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension SharedCourseService {
    /// Buys, for the caller's own organization, one seat per named person in one of a center's dated
    /// courses: a shared-employee request submitted at once, named after the course, and its
    /// participants, in one transaction.
    /// - Throws: `.notFound` when the center offers no such course; `.invalid` for no one named
    ///   (`participants` `required`), a person's field (`participants/i/name` …), or what
    ///   ``RequestService/create(_:in:as:)`` refuses (`details/courseRequestId` `dated` for a course
    ///   without dates, `.forbidden` for a caller who is not an SME's coordinator); `.conflict` when an
    ///   employee number is named twice.
    public func buySeats(
        _ seats: NamedSeats, in courseId: UUID, at centerId: UUID, as caller: Principal
    ) async throws -> SeatPurchase {
        try await database.withTransaction { try buySeats(seats, in: courseId, at: centerId, as: caller, on: $0) }
    }

    /// ``buySeats(_:in:at:as:)`` inside the caller's transaction (the demo seed's).
    func buySeats(
        _ seats: NamedSeats, in courseId: UUID, at centerId: UUID, as caller: Principal, on connection: Connection
    ) throws -> SeatPurchase {
        let requestService = RequestService(database: database)
        let participantService = ParticipantService(database: database)
        guard let course = try requests.find(id: courseId, on: connection), course.centerId == centerId,
            case .sharedEmployee(let offer) = course.details, offer.isOffering
        else { throw ServiceError.notFound(entity: "course") }
        guard (1...200).contains(seats.participants.count) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "participants", rule: "required",
                    message: "Name 1 to 200 people, one for each seat (\(seats.participants.count) named)."))
        }
        let count = seats.participants.count
        let input = NewRequest(
            organizationId: caller.organizationId, title: "\(course.title) × \(count)",
            details: .sharedEmployee(SharedEmployeeDetails(courseRequestId: courseId, seats: count)), submit: true)
        let request = try requestService.create(input, in: centerId, as: caller, on: connection)
        let named = try seats.participants.enumerated().map { index, person in
            do {
                return try participantService.addParticipant(person, to: request.id, on: connection, as: caller)
            } catch ServiceError.invalid(let error) {
                var error = error
                error.field = "participants/\(index)/\(error.field)"
                throw ServiceError.invalid(error)
            }
        }
        return SeatPurchase(request: request, participants: named)
    }
}
