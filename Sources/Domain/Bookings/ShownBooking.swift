public import Foundation

/// A booking as one caller may read it: in full, or, for a booking the caller's ``Audience`` may
/// not read, one `occupied` block of time and resources that also covers the changeover buffers
/// the booking causes (their length would tell its category: 120 minutes means pilot production).
///
/// Services build these; what a hidden booking is never leaves them.
public struct ShownBooking: Sendable, Equatable {
    /// The start of the booking.
    public let start: Date
    /// The end of the booking, or for an occupied block the end of its last changeover buffer.
    public let end: Date
    public let resources: [Booking.Use]
    public let status: BookingStatus
    /// The booking in full; `nil` when the caller sees only an occupied block.
    public let details: Booking?
    /// Whether the caller may change (cancel) the booking; never true for an occupied block.
    public let mayChange: Bool

    /// Whether the caller sees only an occupied block.
    public var occupied: Bool { details == nil }

    /// Shows `booking` to `audience`.
    /// - Parameters:
    ///   - occupiedUntil: the end of the booking's last changeover buffer, when it causes any.
    ///   - mayChange: whether the caller may cancel the booking.
    public init(_ booking: Booking, to audience: Audience, occupiedUntil: Date? = nil, mayChange: Bool = false) {
        let full = audience.seesDetails(category: booking.category, organizationId: booking.organizationId)
        self.start = booking.start
        self.end = full ? booking.end : max(booking.end, occupiedUntil ?? booking.end)
        self.resources = booking.resources
        self.status = booking.status
        self.details = full ? booking : nil
        self.mayChange = full && mayChange
    }
}

extension ShownBooking: Encodable {
    enum CodingKeys: String, CodingKey {
        case start, end, resources, status, occupied
    }

    /// The booking's own JSON when shown in full; otherwise only time, resources, status and
    /// `"occupied": true`.
    public func encode(to encoder: any Encoder) throws {
        if let details { return try details.encode(to: encoder) }
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(resources, forKey: .resources)
        try container.encode(status, forKey: .status)
        try container.encode(true, forKey: .occupied)
    }
}
