/// Where a request is in its life: draft → submitted → planned → confirmed → done, or
/// rejected / cancelled / wait-listed on the way.
public enum RequestState: String, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case planned
    case confirmed
    case done
    case rejected
    case cancelled
    case waitListed = "wait_listed"

    /// The states a request may move to from this one.
    public var successors: Set<RequestState> {
        switch self {
        case .draft: [.submitted, .cancelled]
        case .submitted: [.planned, .rejected, .cancelled, .waitListed]
        case .waitListed: [.submitted, .planned, .rejected, .cancelled]
        case .planned: [.confirmed, .submitted, .waitListed, .cancelled]
        case .confirmed: [.done, .cancelled]
        case .done, .rejected, .cancelled: []
        }
    }

    /// Whether the request is over: nothing can happen to it any more.
    public var isFinal: Bool { successors.isEmpty }

    /// Whether moving there needs a reason for the requester (rejected, cancelled, wait-listed).
    public var needsReason: Bool { self == .rejected || self == .waitListed }
}
