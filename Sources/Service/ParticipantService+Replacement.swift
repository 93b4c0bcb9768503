public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension ParticipantService {
    /// Names someone else in a named participant's place (an SME's seat, an upskilling course's
    /// employee) until the course's first session starts: the person named before is taken off (their
    /// marks stay) and the new one takes the place, in one transaction.
    /// - Throws: `.notFound` for a person the caller may not see; `.forbidden` (the organization's own
    ///   coordinators only); `.invalid` (`participantId` `courseParticipant` for a student of a class,
    ///   `participantId` `courseStarted` once the course's first session has started, or a field);
    ///   `.conflict` when the number is on the course's roster already.
    public func replace(
        _ participantId: UUID, with input: NewParticipant, now: Date = Date(), as caller: Principal
    ) async throws -> Participant {
        let (participants, requests, audit) = (participants, requests, audit)
        return try await database.withTransaction { connection in
            guard let person = try participants.lock(id: participantId, on: connection) else {
                throw ServiceError.notFound(entity: "participant")
            }
            try Policy(caller).authorize(.change, .people(organizationId: person.organizationId), entity: "participant")
            guard let requestId = person.requestId, let request = try requests.find(id: requestId, on: connection)
            else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "participantId", rule: "courseParticipant",
                        message: "Only a course's named participants are replaced; a class's roster names its students."
                    ))
            }
            try Self.checkNotStarted(request, now: now, on: connection)
            let replacement = try Self.validated(input)
            try Self.check(replacement, joining: request, named: 0)
            try participants.withdraw(id: participantId, on: connection)
            let added = try Self.inserting {
                try participants.insert(
                    replacement, organizationId: person.organizationId, cohortId: nil, requestId: requestId,
                    on: connection)
            }
            try audit.record(
                caller.actor, action: "replace", entity: "participant", id: participantId.uuidString, before: person,
                after: added, on: connection)
            return added
        }
    }

    /// A course's names are replaceable until its first session starts (a seat request's course is the
    /// offering it names).
    static func checkNotStarted(_ request: Request, now: Date, on connection: Connection) throws {
        var courseId = request.id
        if case .sharedEmployee(let details) = request.details, let offering = details.courseRequestId {
            courseId = offering
        }
        guard let first = try BookingRepository().firstStart(ofRequest: courseId, on: connection), first <= now else {
            return
        }
        throw ServiceError.invalid(
            DomainError(
                field: "participantId", rule: "courseStarted",
                message:
                    "The course started on \(first.formatted(.iso8601)): its participants can no longer be replaced."))
    }
}
