import Domain
import Foundation

/// A booking as a caller may read it: in full, or (for a booking the caller's ``Audience`` may
/// not read) only its time, resources and status, marked `occupied`.
struct ShownBooking: Encodable, Sendable {
    let booking: Booking
    let occupied: Bool

    init(_ booking: Booking, to audience: Audience) {
        self.booking = booking
        self.occupied = !audience.seesDetails(category: booking.category, organizationId: booking.organizationId)
    }

    enum CodingKeys: String, CodingKey {
        case start, end, resources, status, occupied
    }

    func encode(to encoder: any Encoder) throws {
        guard occupied else { return try booking.encode(to: encoder) }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(booking.start, forKey: .start)
        try container.encode(booking.end, forKey: .end)
        try container.encode(booking.resources, forKey: .resources)
        try container.encode(booking.status, forKey: .status)
        try container.encode(true, forKey: .occupied)
    }
}
