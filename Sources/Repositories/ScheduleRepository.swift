public import Database
public import Domain
public import Foundation

/// Reads and writes the published schedule's links (`request_bookings`), and reads the cohorts a
/// run needs.
public struct ScheduleRepository: Sendable {
    public init() {}

    /// Which session of which request each of these bookings holds, for the bookings published
    /// plans wrote.
    public func links(bookingIds: [UUID], on connection: Connection) throws -> [UUID: SessionKey] {
        let rows = try connection.query(
            """
            SELECT booking_id, request_id, session FROM request_bookings
            WHERE booking_id = ANY(\(bookingIds.map { $0.uuidString.lowercased() })::uuid[])
            """)
        var links: [UUID: SessionKey] = [:]
        for row in rows {
            links[try row.decode("booking_id")] = SessionKey(
                requestId: try row.decode("request_id"), session: try row.decode("session"))
        }
        return links
    }

    /// Records that a booking holds a session of a request, written by a plan.
    public func link(bookingId: UUID, to key: SessionKey, planId: UUID, on connection: Connection) throws {
        try connection.query(
            """
            INSERT INTO request_bookings (booking_id, request_id, session, plan_id)
            VALUES (\(bookingId), \(key.requestId), \(Int32(key.session)), \(planId))
            """)
    }

    /// The cohorts with these ids, with their availability.
    public func cohorts(ids: [UUID], on connection: Connection) throws -> [UUID: Cohort] {
        guard !ids.isEmpty else { return [:] }
        let cohorts = try PeopleRepository().cohorts(
            where: "c.id = ANY(\(ids.map { $0.uuidString.lowercased() })::uuid[])", on: connection)
        return Dictionary(uniqueKeysWithValues: cohorts.map { ($0.id, $0) })
    }
}
