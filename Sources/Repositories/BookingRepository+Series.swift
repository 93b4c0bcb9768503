public import Database
public import Domain
public import Foundation

extension BookingRepository {
    /// Marks a booking just written as an occurrence of a series (`sql/0032_booking_series.sql`).
    public func linking(_ bookingId: UUID, toSeries seriesId: UUID) -> Query<Void> {
        Query("UPDATE bookings SET series_id = \(seriesId) WHERE id = \(bookingId)")
    }

    /// The bookings of a series, by start time (at most 52, a series' most).
    public func series(_ seriesId: UUID, on connection: Connection) throws -> [Booking] {
        try list(where: "b.series_id = \(seriesId)", limit: NewBookingSeries.maximumWeeks, offset: 0, on: connection)
    }

    /// Locks the confirmed bookings of a series that start at or after `from` (`FOR UPDATE`, in id
    /// order) and reads them: what cancelling the rest of the series changes.
    public func lockSeries(_ seriesId: UUID, from: Date, on connection: Connection) throws -> [Booking] {
        try connection.query(
            """
            SELECT id FROM bookings
            WHERE series_id = \(seriesId) AND status = 'confirmed' AND lower(during) >= \(from)
            ORDER BY id FOR UPDATE
            """)
        return try list(
            where: "b.series_id = \(seriesId) AND b.status = 'confirmed' AND lower(b.during) >= \(from)",
            limit: NewBookingSeries.maximumWeeks, offset: 0, on: connection)
    }
}
