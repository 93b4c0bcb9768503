public import Database
public import Domain
public import Foundation

/// Reads and records the go/no-go decisions of shared-employee courses and the seats allotted.
public struct CourseDecisionRepository: Sendable {
    public init() {}

    /// The decisions taken on a center's courses, by course id.
    public func decisions(centerId: UUID, on connection: Connection) throws -> [UUID: CourseOffering.Decision] {
        var decisions: [UUID: CourseOffering.Decision] = [:]
        for row in try connection.query(
            """
            SELECT d.course_id, d.decided_on::text AS decided_on, d.runs, d.seats, d.reason
            FROM course_decisions d JOIN requests r ON r.id = d.course_id WHERE r.center_id = \(centerId)
            """)
        {
            decisions[try row.decode("course_id")] = CourseOffering.Decision(
                decidedOn: try row.decode("decided_on"), runs: try row.decode("runs"), seats: try row.decode("seats"),
                reason: try row.decode("reason", as: String?.self))
        }
        return decisions
    }

    /// The seats allotted at decisions, by seat request id.
    public func allotments(centerId: UUID, on connection: Connection) throws -> [UUID: Int] {
        var seats: [UUID: Int] = [:]
        for row in try connection.query(
            "SELECT a.request_id, a.seats FROM seat_allotments a JOIN requests r ON r.id = a.course_id WHERE r.center_id = \(centerId)"
        ) {
            seats[try row.decode("request_id")] = try row.decode("seats")
        }
        return seats
    }

    /// Records a decision and the seats of each request.
    public func record(
        _ decision: CourseOffering.Decision, courseId: UUID, allotments: [(requestId: UUID, seats: Int)],
        on connection: Connection
    ) throws {
        try connection.query(
            """
            INSERT INTO course_decisions (course_id, decided_on, runs, seats, reason)
            VALUES (\(courseId), \(decision.decidedOn)::date, \(decision.runs), \(decision.seats), \(decision.reason))
            """)
        for allotment in allotments {
            try connection.query(
                "INSERT INTO seat_allotments (request_id, course_id, seats) VALUES (\(allotment.requestId), \(courseId), \(allotment.seats))"
            )
        }
    }

    /// Sets the seats a request holds in a decided course (a request promoted from the wait list).
    public func allot(_ seats: Int, to requestId: UUID, in courseId: UUID, on connection: Connection) throws {
        try connection.query(
            """
            INSERT INTO seat_allotments (request_id, course_id, seats) VALUES (\(requestId), \(courseId), \(seats))
            ON CONFLICT (request_id) DO UPDATE SET seats = excluded.seats
            """)
    }
}
