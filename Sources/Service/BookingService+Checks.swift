import Access
import Database
import Domain
import Foundation
import Repositories

extension BookingService {
    /// The request, instructor and cohorts the booking names, when it names them: a live request
    /// of this center, organization and category; an instructor of this center; cohorts of the
    /// booking's organization. One statement each.
    /// - Throws: ``ServiceError/invalid(_:)`` naming the field.
    func checkReferences(of input: NewBooking, in centerId: UUID, on connection: Connection) throws {
        if let requestId = input.requestId {
            try Self.check(input, serves: try requests.find(id: requestId, on: connection), centerId: centerId)
        }
        if let instructorId = input.instructorId,
            try people.centerOfInstructor(instructorId, on: connection) != centerId
        {
            throw ServiceError.invalid(
                DomainError(
                    field: "instructorId", rule: "exists", message: "The center has no instructor \(instructorId).")
            )
        }
        if let cohortIds = input.cohortIds, !cohortIds.isEmpty {
            let owners = try people.organizationsOfCohorts(cohortIds, on: connection)
            for (index, cohortId) in cohortIds.enumerated() where owners[cohortId] != input.organizationId {
                throw ServiceError.invalid(
                    DomainError(
                        field: "cohortIds/\(index)", rule: "exists",
                        message: "The organization has no cohort \(cohortId)."))
            }
        }
    }

    /// The classes a booking names must be free for it (their free times and travel).
    /// - Throws: ``ServiceError/invalid(_:)`` naming `cohortIds/i`, rule `classFreeTime`.
    func checkClassFreeTimes(
        of input: NewBooking, calendar: TermCalendar, timeZone: TimeZone, on connection: Connection
    ) throws {
        guard let ids = input.cohortIds, !ids.isEmpty else { return }
        let cohorts = try ScheduleRepository().cohorts(ids: ids, on: connection)
        do throws(DomainError) {
            try calendar.checkClasses(ids.map { cohorts[$0] }, start: input.start, end: input.end, timeZone: timeZone)
        } catch { throw ServiceError.invalid(error) }
    }

    /// A booking may serve a live request of the same center, organization and category.
    private static func check(_ input: NewBooking, serves request: Request?, centerId: UUID) throws {
        guard let request, request.centerId == centerId, request.organizationId == input.organizationId,
            request.category == input.category
        else {
            throw ServiceError.invalid(
                DomainError(
                    field: "requestId", rule: "matchingRequest",
                    message:
                        "The center has no \(input.category.rawValue) request \(input.requestId!) of that organization."
                ))
        }
        guard [.submitted, .planned, .partlyPlanned, .confirmed].contains(request.state) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "requestId", rule: "liveRequest",
                    message:
                        "The request is \(request.state.rawValue); only a submitted, (partly) planned or confirmed request is booked."
                ))
        }
    }

    /// A resource of the booking: of this center, active, and booked by stations only when a pool.
    static func check(_ use: Booking.Use, at index: Int, resource: Resource?, centerId: UUID) throws {
        guard let resource, resource.centerId == centerId else {
            throw ServiceError.invalid(
                DomainError(
                    field: "resources/\(index)/resourceId", rule: "exists",
                    message: "The center has no resource \(use.resourceId)."))
        }
        guard resource.status == .active else {
            throw ServiceError.invalid(
                DomainError(
                    field: "resources/\(index)/resourceId", rule: "active", message: "\(resource.name) is retired."))
        }
        if let stations = use.stations {
            guard resource.kind == .workstationPool else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "resources/\(index)/stations", rule: "poolOnly",
                        message: "Only a workstation pool is booked by stations; \(resource.name) is booked whole."))
            }
            guard stations <= resource.seats else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "resources/\(index)/stations", rule: "range",
                        message: "\(resource.name) has \(resource.seats) stations, not \(stations)."))
            }
        }
    }
}
