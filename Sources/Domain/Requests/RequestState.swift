/// Where a request is in its life: draft → submitted → planned (or partly planned, when a published
/// plan placed only some of its sessions) → confirmed → done, or rejected / cancelled / wait-listed
/// on the way.
public enum RequestState: String, Sendable, Codable, CaseIterable {
    case draft
    case submitted
    case planned
    case partlyPlanned = "partly_planned"
    case confirmed
    case done
    case rejected
    case cancelled
    case waitListed = "wait_listed"

    /// The states a request may move to from this one.
    public var successors: Set<RequestState> {
        switch self {
        case .draft: [.submitted, .cancelled]
        case .submitted: [.planned, .partlyPlanned, .rejected, .cancelled, .waitListed]
        case .waitListed: [.submitted, .planned, .partlyPlanned, .rejected, .cancelled]
        case .planned: [.partlyPlanned, .confirmed, .submitted, .waitListed, .cancelled]
        case .partlyPlanned: [.planned, .confirmed, .submitted, .waitListed, .cancelled]
        case .confirmed: [.done, .cancelled]
        case .done, .rejected, .cancelled: []
        }
    }

    /// Whether the request is over: nothing can happen to it any more.
    public var isFinal: Bool { successors.isEmpty }

    /// Whether moving there needs a reason for the requester (rejected, cancelled, wait-listed).
    public var needsReason: Bool { self == .rejected || self == .waitListed }

    /// Whether a published plan holds some of the request's sessions.
    public var isPlanned: Bool { self == .planned || self == .partlyPlanned }
}
