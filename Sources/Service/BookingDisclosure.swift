import Access
import Database
import Domain
import Foundation
import Repositories

/// The one audience rule for bookings and timetable entries, applied by the use cases before
/// anything leaves them: what `policy` may not read of another organization's booking becomes one
/// occupied block that covers the booking and the changeover buffers it causes.
struct BookingDisclosure {
    let policy: Policy
    let bookings = BookingRepository()

    init(_ caller: Principal) {
        policy = Policy(caller)
    }

    /// Whether the caller reads `booking` in full.
    func seesDetails(of booking: Booking) -> Bool {
        policy.audience(at: booking.centerId).seesDetails(
            category: booking.category, organizationId: booking.organizationId)
    }

    /// The bookings as the caller may read them; one extra statement when any is hidden.
    func show(_ list: [Booking], on connection: Connection) throws -> [ShownBooking] {
        let ends = try bookings.bufferEnds(of: list.filter { !seesDetails(of: $0) }.map(\.id), on: connection)
        return list.map { booking in
            ShownBooking(
                booking, to: policy.audience(at: booking.centerId), occupiedUntil: ends[booking.id],
                mayChange: policy.decide(.change, .work(Work(booking))) == .allowed)
        }
    }

    /// Timetable entries as `audience` may read them, the occupied ones reaching over their buffers.
    func show(_ entries: [TimetableEntry], to audience: Audience, on connection: Connection) throws -> [TimetableEntry]
    {
        let shown = entries.map { $0.shown(to: audience) }
        let hidden = zip(entries, shown).compactMap { $1.occupied ? $0.bookingId : nil }
        let ends = try bookings.bufferEnds(of: hidden, on: connection)
        return zip(entries, shown).map { entry, shown in
            guard shown.occupied, let id = entry.bookingId, let until = ends[id] else { return shown }
            var extended = shown
            extended.end = max(shown.end, until)
            extended.periods = nil  // they would tell the booking's own end, and so its buffer
            return extended
        }
    }
}
