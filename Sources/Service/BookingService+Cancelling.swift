public import Access
public import Database
public import Domain
import Foundation
import Repositories

extension BookingService {
    /// Cancels a confirmed booking at the version read, with its audit row, in the caller's
    /// transaction: the one way a booking is cancelled (by hand, with its request, by a publish).
    /// - Parameter reason: why, kept in the audit row beside the cancelled booking.
    /// - Returns: the cancelled booking, or `nil` when it was no longer confirmed at that version.
    public static func cancel(
        _ booking: Booking, reason: String? = nil, by actor: AuditActor, on connection: Connection
    ) throws -> Booking? {
        guard try BookingRepository().cancel(id: booking.id, version: booking.version, on: connection) else {
            return nil
        }
        var cancelled = booking
        (cancelled.status, cancelled.version) = (.cancelled, booking.version + 1)
        try AuditLog().record(
            actor, action: "cancel", entity: "booking", id: booking.id.uuidString,
            before: ReasonedBooking(booking: booking, reason: nil),
            after: ReasonedBooking(booking: cancelled, reason: reason), on: connection)
        let zone = try CenterRepository().find(id: booking.centerId, on: connection)?.zone ?? .gmt
        try NoticeRepository().write(.bookingCancelled(cancelled, zone: zone), on: connection)
        return cancelled
    }
}
