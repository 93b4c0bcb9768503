public import Database
public import Domain
public import Foundation

/// The displacements publishing made (`booking_displacements`): written with the move, read by the
/// organization whose sessions moved and on a booking's page.
public struct DisplacementRepository: Sendable {
    public init() {}

    /// Keeps a displacement a plan published.
    public func record(_ displacement: Displacement, planId: UUID, centerId: UUID, on connection: Connection) throws {
        let was = TimeRange(lower: displacement.was.start, upper: displacement.was.end)!
        let makeUp = TimeRange(lower: displacement.makeUp.start, upper: displacement.makeUp.end)!
        try connection.query(
            """
            INSERT INTO booking_displacements (booking_id, plan_id, center_id, organization_id, was, make_up, by_categories)
            VALUES (\(displacement.bookingId), \(planId), \(centerId), \(displacement.organizationId), \(was), \(makeUp),
                    \(displacement.by.map(\.rawValue))::category[])
            """)
    }

    /// An organization's displaced sessions, newest first.
    public func forOrganization(
        _ organizationId: UUID, limit: Int, on connection: Connection
    ) throws
        -> [BookingDisplacement]
    {
        try read(
            "d.organization_id = \(organizationId) ORDER BY d.displaced_at DESC, d.id LIMIT \(limit)", on: connection)
    }

    /// A booking's displacements, oldest first.
    public func forBooking(_ bookingId: UUID, on connection: Connection) throws -> [BookingDisplacement] {
        try read("d.booking_id = \(bookingId) ORDER BY d.displaced_at, d.id", on: connection)
    }

    private func read(_ condition: SQL, on connection: Connection) throws -> [BookingDisplacement] {
        try connection.query(
            """
            SELECT d.booking_id, d.plan_id, d.organization_id, b.title, lower(d.was) AS was_start,
                   upper(d.was) AS was_end, lower(d.make_up) AS make_up_start, upper(d.make_up) AS make_up_end,
                   d.by_categories::text[] AS by_categories, d.displaced_at
            FROM booking_displacements d JOIN bookings b ON b.id = d.booking_id
            WHERE \(condition)
            """
        ).map { row in
            BookingDisplacement(
                bookingId: try row.decode("booking_id"), planId: try row.decode("plan_id"),
                organizationId: try row.decode("organization_id"), title: try row.decode("title"),
                wasStart: try row.decode("was_start"), wasEnd: try row.decode("was_end"),
                makeUpStart: try row.decode("make_up_start"), makeUpEnd: try row.decode("make_up_end"),
                by: try row.decode("by_categories", as: [String].self).compactMap(Category.init(rawValue:)),
                displacedAt: try row.decode("displaced_at"))
        }
    }
}
