public import Database
public import Domain
public import Foundation

extension BookingRepository {
    /// Locks the booking (`FOR UPDATE`) and reads it: what a cancellation then changes is what it read.
    /// - Returns: the booking, or `nil` when there is none with this id.
    public func lock(id: UUID, on connection: Connection) throws -> Booking? {
        guard try !connection.query("SELECT id FROM bookings WHERE id = \(id) FOR UPDATE").isEmpty else { return nil }
        return try find(id: id, on: connection)
    }

    /// For each of these bookings that causes changeover buffers, the end of its last one: how far
    /// an occupied block shown to another organization reaches (see ``Domain/ShownBooking``).
    public func bufferEnds(of bookingIds: [UUID], on connection: Connection) throws -> [UUID: Date] {
        guard !bookingIds.isEmpty else { return [:] }
        let ids = bookingIds.map { $0.uuidString.lowercased() }
        let rows = try connection.query(
            """
            SELECT booking_id, max(upper(during)) AS until FROM booking_blocks
            WHERE booking_id = ANY(\(ids)::uuid[]) AND purpose = 'changeover' AND role = 1
            GROUP BY booking_id
            """)
        var ends: [UUID: Date] = [:]
        for row in rows { ends[try row.decode("booking_id")] = try row.decode("until") }
        return ends
    }
}
