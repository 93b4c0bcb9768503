public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Named people: a class's students (the school's coordinators keep the class roster, with each
/// student's group) and the named participants of an upskilling course or of an SME's
/// shared-employee seats (the enterprise's coordinators name them); outcomes per participant.
public struct ParticipantService: Sendable {
    let database: Database
    let participants = ParticipantRepository()
    let people = PeopleRepository()
    let requests = RequestRepository()
    let audit = AuditLog()

    public init(database: Database) {
        self.database = database
    }

    /// A class's students, by group and name.
    /// - Throws: `.notFound` for a class the caller may not see (only its school's coordinators do).
    public func students(of cohortId: UUID, as caller: Principal) async throws -> [Participant] {
        let (participants, people) = (participants, people)
        return try await database.withConnection { connection in
            guard let cohort = try people.cohort(id: cohortId, on: connection) else {
                throw ServiceError.notFound(entity: "class")
            }
            try Policy(caller).authorize(.read, .people(organizationId: cohort.organizationId), entity: "class")
            return try participants.list(cohortId: cohortId, on: connection)
        }
    }

    /// Adds a student to a class.
    /// - Throws: `.notFound`, `.invalid` naming the field, `.conflict` when the number is on the roster.
    public func addStudent(_ input: NewParticipant, to cohortId: UUID, as caller: Principal) async throws -> Participant
    {
        try await database.withTransaction { try self.addStudent(input, to: cohortId, on: $0, as: caller) }
    }

    /// ``addStudent(_:to:as:)`` inside the caller's transaction.
    func addStudent(
        _ input: NewParticipant, to cohortId: UUID, on connection: Connection, as caller: Principal
    ) throws -> Participant {
        guard let cohort = try people.lockCohort(id: cohortId, on: connection) else {
            throw ServiceError.notFound(entity: "class")
        }
        try Policy(caller).authorize(.change, .people(organizationId: cohort.organizationId), entity: "class")
        let person = try Self.validated(input)
        let added = try Self.inserting {
            try participants.insert(
                person, organizationId: cohort.organizationId, cohortId: cohortId, requestId: nil, on: connection)
        }
        try audit.record(
            caller.actor, action: "create", entity: "participant", id: added.id.uuidString, before: nil,
            after: added, on: connection)
        return added
    }

    /// Takes a person off their roster (their marks stay, as evidence).
    /// - Throws: `.notFound` for a person the caller may not see.
    public func withdraw(_ participantId: UUID, as caller: Principal) async throws {
        let (participants, audit) = (participants, audit)
        try await database.withTransaction { connection in
            guard let person = try participants.lock(id: participantId, on: connection) else {
                throw ServiceError.notFound(entity: "participant")
            }
            try Policy(caller).authorize(.change, .people(organizationId: person.organizationId), entity: "participant")
            try participants.withdraw(id: participantId, on: connection)
            try audit.record(
                caller.actor, action: "withdraw", entity: "participant", id: participantId.uuidString, before: person,
                after: nil as Participant?, on: connection)
        }
    }

    static func validated(_ input: NewParticipant) throws -> NewParticipant {
        do throws(DomainError) { return try input.validated() } catch { throw ServiceError.invalid(error) }
    }

    /// Runs an insert, answering a number already on the roster with 409.
    static func inserting(_ insert: () throws -> Participant) throws -> Participant {
        do { return try insert() } catch let error as DatabaseError where error.sqlState == .uniqueViolation {
            throw ServiceError.conflict(
                "That student or employee number is on the roster already.", rule: "numberTaken")
        }
    }
}
