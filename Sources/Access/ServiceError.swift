public import Domain

/// Why a use case refused a request: the one error type of the service layer and of the access
/// rules, each case with one HTTP status at the edge.
public enum ServiceError: Error, Sendable, Equatable {
    /// No valid credentials (401).
    case unauthenticated
    /// The caller may see the object but not do this to it (403); `rule` names who may (`adminOnly`,
    /// `centerManagers`, …), so that a page can say it in the reader's language.
    case forbidden(String, rule: String)
    /// The object does not exist, or the caller may not know that it does (404).
    case notFound(entity: String)
    /// An input broke a rule (422).
    case invalid(DomainError)
    /// The request clashes with the current state, e.g. a name already taken (409); `rule` names which
    /// state (`taken`, `planStatus`, …), so that a page can say it in the reader's language.
    case conflict(String, rule: String)
    /// An update was based on an older version than the stored one (412).
    case staleVersion(current: Int)
    /// Too many attempts or too much queued work; try again after this many seconds (429); `rule`
    /// names the limit when the reader should hear which (`checkInAttempts`).
    case throttled(retryAfter: Int, rule: String? = nil)
    /// A booking would overlap these confirmed bookings (buffers and containment included), or a
    /// maintenance window when the list is empty (409). The bookings are shown as the caller may
    /// read them: the use case that throws this has redacted them.
    case clash(String, [ShownBooking])
    /// Other requests kept changing the same data, past the retries; nothing was written (409).
    case concurrentUpdate
    /// A part the use case needs (the database) does not answer; try again shortly (503).
    case unavailable(String)
    /// A plan cannot be published: the center changed since the run, and these assignments no
    /// longer hold; nothing was written (409).
    case planStale([StaleAssignment])
    /// A booking would take its organization past a quota; nothing was written (409). The use says
    /// what is left of the quota in the window, without the refused booking.
    case quotaExceeded(QuotaUse)
}

extension ServiceError: CustomStringConvertible {
    /// A sentence for a person (the command line prints it).
    public var description: String {
        switch self {
        case .unauthenticated: "Authentication required."
        case .forbidden(let reason, _): reason
        case .notFound(let entity): "No such \(entity)."
        case .invalid(let error): "\(error.field): \(error.message)"
        case .conflict(let detail, _): detail
        case .staleVersion(let current): "The object changed since it was read; it is now at version \(current)."
        case .throttled(let seconds, _): "Too many attempts; try again in \(seconds) seconds."
        case .clash(let detail, _): detail
        case .concurrentUpdate: "Other requests kept changing the same data; nothing was written. Try again."
        case .unavailable(let detail): detail
        case .planStale(let items): items.map(\.reason).joined(separator: "\n")
        case .quotaExceeded(let use): use.sentence
        }
    }
}
