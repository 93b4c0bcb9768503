public import Database
public import Foundation

extension BookingRepository {
    /// Hours the instructor teaches (first or second) in confirmed bookings starting in `[from, to)`,
    /// leaving out the booking `excluded` (one being moved).
    public func instructorHours(
        _ instructorId: UUID, from: Date, to: Date, except excluded: UUID?, on connection: Connection
    ) throws -> Double {
        try connection.query(
            """
            SELECT coalesce(sum(extract(epoch FROM upper(during) - lower(during))) / 3600, 0)::float8 AS hours
            FROM booking_instructors
            WHERE instructor_id = \(instructorId) AND lower(during) >= \(from) AND lower(during) < \(to)
              AND booking_id IS DISTINCT FROM \(excluded)
            """
        ).first!.decode("hours")
    }
}
