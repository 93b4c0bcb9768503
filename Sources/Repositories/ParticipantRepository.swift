public import Database
public import Domain
public import Foundation

/// Reads and writes named people (`participants`, `sql/0026_attendance.sql`): class rosters and the
/// participants of requests, with their outcomes.
public struct ParticipantRepository: Sendable {
    public init() {}

    static let columns: SQL = """
        p.id, p.organization_id, p.cohort_id, p.request_id, p.group_number, p.name, p.person_number, p.phone, p.position,
        o.completed, o.achievement, o.tag, o.certificate_number
        """
    static let from: SQL = "participants p LEFT JOIN participant_outcomes o ON o.participant_id = p.id"

    /// Adds a person to a class (`cohortId`) or to a request's participants (`requestId`).
    /// - Throws: ``DatabaseError`` 23505 `participants_number_unique` when the number is on the roster already.
    public func insert(
        _ person: NewParticipant, organizationId: UUID, cohortId: UUID?, requestId: UUID?, on connection: Connection
    ) throws -> Participant {
        let id: UUID = try connection.query(
            """
            INSERT INTO participants
                (organization_id, cohort_id, request_id, group_number, name, person_number, phone, position)
            VALUES (\(organizationId), \(cohortId), \(requestId), \(person.group)::int2, \(person.name), \(person.number),
                    \(person.phone), \(person.position))
            RETURNING id
            """
        ).first!.decode("id")
        return try find(id: id, on: connection)!
    }

    /// The participant with this id (withdrawn or not).
    public func find(id: UUID, on connection: Connection) throws -> Participant? {
        try connection.query("SELECT \(Self.columns) FROM \(Self.from) WHERE p.id = \(id)").first.map(Self.participant)
    }

    /// The participant with this id, locked (`FOR UPDATE`), while not withdrawn.
    public func lock(id: UUID, on connection: Connection) throws -> Participant? {
        guard
            try !connection.query(
                "SELECT id FROM participants WHERE id = \(id) AND withdrawn_at IS NULL FOR UPDATE"
            ).isEmpty
        else { return nil }
        return try find(id: id, on: connection)
    }

    /// A class's students or a request's participants (not withdrawn), by group, name and number.
    public func list(cohortId: UUID? = nil, requestId: UUID? = nil, on connection: Connection) throws -> [Participant] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM \(Self.from)
            WHERE p.withdrawn_at IS NULL AND (p.cohort_id = \(cohortId) OR p.request_id = \(requestId))
            ORDER BY p.group_number NULLS FIRST, p.name, p.person_number, p.id
            """
        ).map(Self.participant)
    }

    /// Takes a person off their roster; their marks stay, naming them.
    public func withdraw(id: UUID, on connection: Connection) throws {
        try connection.query("UPDATE participants SET withdrawn_at = now() WHERE id = \(id)")
    }

    /// Records (or replaces) a participant's outcome.
    public func setOutcome(_ outcome: Outcome, of participantId: UUID, on connection: Connection) throws {
        try connection.query(
            """
            INSERT INTO participant_outcomes (participant_id, completed, achievement, tag, certificate_number)
            VALUES (\(participantId), \(outcome.completed), \(outcome.achievement), \(outcome.tag),
                    \(outcome.certificateNumber))
            ON CONFLICT (participant_id) DO UPDATE
            SET completed = EXCLUDED.completed, achievement = EXCLUDED.achievement, tag = EXCLUDED.tag,
                certificate_number = EXCLUDED.certificate_number, recorded_at = now()
            """)
    }

    static func participant(from row: Row) throws -> Participant {
        let completed = try row.decode("completed", as: Bool?.self)
        return Participant(
            id: try row.decode("id"), organizationId: try row.decode("organization_id"),
            cohortId: try row.decode("cohort_id", as: UUID?.self),
            requestId: try row.decode("request_id", as: UUID?.self),
            group: try row.decode("group_number", as: Int?.self), name: try row.decode("name"),
            number: try row.decode("person_number", as: String?.self), phone: try row.decode("phone", as: String?.self),
            position: try row.decode("position", as: String?.self),
            outcome: try completed.map {
                Outcome(
                    completed: $0, achievement: try row.decode("achievement", as: String?.self),
                    tag: try row.decode("tag", as: String?.self),
                    certificateNumber: try row.decode("certificate_number", as: String?.self))
            })
    }
}
