public import Domain

/// Why an access decision or an account use case refused a request, in terms the HTTP edge maps
/// to a status.
public enum AccessError: Error, Sendable, Equatable {
    /// No valid credentials (401).
    case unauthenticated
    /// The caller may see the object but not do this to it (403).
    case forbidden(String)
    /// The object does not exist, or the caller may not know that it does (404).
    case notFound(entity: String)
    /// An input broke a rule (422).
    case invalid(DomainError)
    /// The request clashes with the current state, e.g. a username already taken (409).
    case conflict(String)
    /// An update was based on an older version than the stored one (412).
    case staleVersion(current: Int)
    /// Too many attempts; try again after this many seconds (429).
    case throttled(retryAfter: Int)
}

extension AccessError: CustomStringConvertible {
    /// A sentence for a person (the command line prints it).
    public var description: String {
        switch self {
        case .unauthenticated: "Authentication required."
        case .forbidden(let reason): reason
        case .notFound(let entity): "No such \(entity)."
        case .invalid(let error): "\(error.field): \(error.message)"
        case .conflict(let detail): detail
        case .staleVersion(let current): "The object changed since it was read; it is now at version \(current)."
        case .throttled(let seconds): "Too many attempts; try again in \(seconds) seconds."
        }
    }
}
