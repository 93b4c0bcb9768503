public import Domain

/// A use case refused a request: what the caller got wrong, in terms the HTTP edge can map to a
/// status (validation → 422, missing → 404, conflict → 409).
public enum ServiceError: Error, Sendable, Equatable {
    /// An input broke a rule.
    case invalid(DomainError)
    /// The object does not exist, or the caller may not know that it does.
    case notFound(entity: String)
    /// The request clashes with the current state (e.g. a name already taken).
    case conflict(String)
    /// An update was based on an older version than the stored one.
    case staleVersion(current: Int)
    /// A booking would overlap these confirmed bookings (buffers and containment included), or a
    /// maintenance window when the list is empty.
    case clash(String, [Booking])
}
