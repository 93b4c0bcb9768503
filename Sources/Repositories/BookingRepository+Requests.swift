public import Database
public import Domain
public import Foundation

extension BookingRepository {
    /// The confirmed bookings of a request that start after `after`, by start, locked until the
    /// transaction ends: what cancelling, rejecting or withdrawing the request releases.
    /// A request's bookings are its sessions (a term's weeks at most), so the read is bounded.
    public func future(ofRequest requestId: UUID, after: Date, on connection: Connection) throws -> [Booking] {
        let ids: [UUID] = try connection.query(
            """
            SELECT id FROM bookings
            WHERE request_id = \(requestId) AND status = 'confirmed' AND lower(during) > \(after)
            ORDER BY lower(during), id FOR UPDATE
            """
        ).map { try $0.decode("id") }
        return try ids.compactMap { try find(id: $0, on: connection) }
    }
}
