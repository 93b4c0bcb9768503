public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension ParticipantService {
    /// The named participants of an upskilling course, a shared-employee course (the course's own and
    /// every SME's) or an SME's seats, with their outcomes: for the center's managers and the
    /// requesting organization's coordinators.
    /// - Throws: `.notFound` for a request the caller may not see.
    public func participants(of requestId: UUID, as caller: Principal) async throws -> [Participant] {
        let (participants, requests) = (participants, requests)
        return try await database.withConnection { connection in
            guard let request = try requests.find(id: requestId, on: connection) else {
                throw ServiceError.notFound(entity: "request")
            }
            try Policy(caller).authorize(.read, .roster(Work(request), instructorIds: []), entity: "request")
            return try participants.list(requestId: requestId, on: connection)
        }
    }

    /// Names a participant of an upskilling course or of an SME's shared-employee seats (no more
    /// people than seats asked for).
    /// - Throws: `.notFound`, `.forbidden` (the requesting organization's coordinators only),
    ///   `.invalid` (`requestId` `namedParticipants`, `group` `notAClass`, `seats` `full`, or a field),
    ///   `.conflict` when the number is named already.
    public func addParticipant(
        _ input: NewParticipant, to requestId: UUID, as caller: Principal
    ) async throws -> Participant {
        try await database.withTransaction { try self.addParticipant(input, to: requestId, on: $0, as: caller) }
    }

    /// ``addParticipant(_:to:as:)`` inside the caller's transaction.
    func addParticipant(
        _ input: NewParticipant, to requestId: UUID, on connection: Connection, as caller: Principal
    ) throws -> Participant {
        guard let request = try requests.find(id: requestId, forUpdate: true, on: connection) else {
            throw ServiceError.notFound(entity: "request")
        }
        try Policy(caller).authorize(.change, .people(organizationId: request.organizationId), entity: "request")
        let person = try Self.validated(input)
        try Self.check(
            person, joining: request, named: try participants.list(requestId: requestId, on: connection).count)
        let added = try Self.inserting {
            try participants.insert(
                person, organizationId: request.organizationId, cohortId: nil, requestId: requestId, on: connection)
        }
        try audit.record(
            caller.actor, action: "create", entity: "participant", id: added.id.uuidString, before: nil,
            after: added, on: connection)
        return added
    }

    /// Records a participant's outcome (completed or not, certificate or skill level, a catalogue tag).
    /// - Throws: `.notFound`, `.forbidden` (the center's managers), `.invalid` (a student of a class:
    ///   `participantId` `courseParticipant`; a tag not in the catalogue).
    public func recordOutcome(
        _ input: Outcome, for participantId: UUID, as caller: Principal
    ) async throws -> Participant {
        try await database.withTransaction { try self.recordOutcome(input, for: participantId, on: $0, as: caller) }
    }

    /// ``recordOutcome(_:for:as:)`` inside the caller's transaction.
    func recordOutcome(
        _ input: Outcome, for participantId: UUID, on connection: Connection, as caller: Principal
    ) throws -> Participant {
        guard let person = try participants.lock(id: participantId, on: connection) else {
            throw ServiceError.notFound(entity: "participant")
        }
        guard let request = try person.requestId.flatMap({ try requests.find(id: $0, on: connection) }) else {
            throw ServiceError.invalid(
                DomainError(
                    field: "participantId", rule: "courseParticipant",
                    message: "Outcomes are recorded for participants of courses, not for students of a class."))
        }
        try Policy(caller).authorize(.decide, .roster(Work(request), instructorIds: []), entity: "participant")
        let outcome: Outcome
        do throws(DomainError) { outcome = try input.validated() } catch { throw ServiceError.invalid(error) }
        if let tag = outcome.tag {
            try CatalogueRepository().check([(field: "tag", tag: tag)], centerId: request.centerId, on: connection)
        }
        try participants.setOutcome(outcome, of: participantId, on: connection)
        let after = try participants.find(id: participantId, on: connection)!
        try audit.record(
            caller.actor, action: "record_outcome", entity: "participant", id: participantId.uuidString,
            before: person, after: after, on: connection)
        return after
    }

    /// Only upskilling courses and shared-employee courses or seats name participants, without groups,
    /// and seats hold as many people as they ask for.
    static func check(_ person: NewParticipant, joining request: Request, named: Int) throws {
        guard person.group == nil else {
            throw ServiceError.invalid(
                DomainError(field: "group", rule: "notAClass", message: "Only students of a class work in groups."))
        }
        switch request.details {
        case .employeeUpskilling:
            return
        case .sharedEmployee(let details):
            if let seats = details.seats, named >= seats {
                throw ServiceError.invalid(
                    DomainError(
                        field: "seats", rule: "full",
                        message: "All \(seats) seats are named; take someone off to name another."))
            }
        case .studentTraining, .pilotProduction:
            throw ServiceError.invalid(
                DomainError(
                    field: "requestId", rule: "namedParticipants",
                    message:
                        "Only upskilling and shared-employee courses name participants; a class's roster names its students."
                ))
        }
    }
}
