public import Database
public import Domain
public import Foundation

extension BookingRepository {
    /// Confirmed bookings of the resource itself, ending after `after`, that `seats` would no
    /// longer hold: a whole booking with more participants, or a share of a pool using a station
    /// numbered `seats` or above. What a reduction of seats or stations would break.
    public func future(
        onResource resourceId: UUID, needingMoreThan seats: Int, after: Date, on connection: Connection
    ) throws -> [Booking] {
        try list(
            where: """
                b.status = 'confirmed' AND upper(b.during) > \(after) AND EXISTS (
                    SELECT 1 FROM booking_resources u
                    WHERE u.booking_id = b.id AND u.resource_id = \(resourceId) AND (
                        (u.stations IS NULL AND b.participants > \(seats)::int4)
                        OR EXISTS (
                            SELECT 1 FROM booking_blocks k
                            WHERE k.booking_id = b.id AND k.resource_id = \(resourceId) AND k.purpose = 'occupancy'
                              AND u.stations IS NOT NULL AND upper(k.lane) > \(Int64(seats)))))
                """,
            limit: 50, offset: 0, on: connection)
    }
}
