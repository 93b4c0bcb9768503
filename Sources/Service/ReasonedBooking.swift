import Domain

/// A booking as the audit row of a change with a reason keeps it (a cancellation, a move): the
/// booking's fields and the reason given.
struct ReasonedBooking: Encodable {
    let booking: Booking
    let reason: String?

    private enum CodingKeys: String, CodingKey { case reason }

    func encode(to encoder: any Encoder) throws {
        try booking.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(reason, forKey: .reason)
    }
}
