/// A change people are told about (an in-app notice, an e-mail, a webhook call). The raw value is
/// the event's name in the API, in preferences and in webhook bodies.
public enum NoticeEvent: String, Sendable, Codable, CaseIterable {
    case requestSubmitted = "request.submitted"
    case requestApproved = "request.approved"
    case requestRejected = "request.rejected"
    case requestWaitListed = "request.wait_listed"
    case requestPlanned = "request.planned"
    case requestPartlyPlanned = "request.partly_planned"
    case requestCancelled = "request.cancelled"
    case planPublished = "plan.published"
    case bookingCancelled = "booking.cancelled"
    case bookingDisplaced = "booking.displaced"
    case seatGranted = "seat.granted"
    case seatWaitListed = "seat.wait_listed"
    case seatPromoted = "seat.promoted"
    case courseCancelled = "course.cancelled"
    case certificateExpiring = "certificate.expiring"

    /// Who is told (see docs/notifications.md).
    public var recipients: NoticeRecipients {
        switch self {
        case .requestSubmitted: .managers
        case .planPublished: .managers
        case .requestCancelled, .bookingCancelled, .bookingDisplaced, .courseCancelled: .requesterAndManagers
        case .certificateExpiring: .requesterAndManagers
        default: .requester
        }
    }

    /// The event a request's move from `previous` tells, if any: seat requests of a shared course
    /// tell seat events (granted, wait-listed, promoted from the wait list, course cancelled).
    public init?(moving request: Request, from previous: RequestState) {
        if case .sharedEmployee(let details) = request.details, !details.isOffering {
            switch request.state {
            case .planned, .partlyPlanned, .confirmed:
                self = previous == .waitListed ? .seatPromoted : .seatGranted
                return
            case .waitListed:
                self = .seatWaitListed
                return
            default: break
            }
        }
        switch request.state {
        case .submitted: self = .requestSubmitted
        case .confirmed: self = .requestApproved
        case .rejected: self = .requestRejected
        case .waitListed: self = .requestWaitListed
        case .planned: self = .requestPlanned
        case .partlyPlanned: self = .requestPartlyPlanned
        case .cancelled: self = .requestCancelled
        case .draft, .done: return nil
        }
    }
}

/// Whom a ``NoticeEvent`` reaches: the coordinators of the organization concerned (the
/// requester), the managers of the center, or both.
public enum NoticeRecipients: Sendable, Equatable {
    case requester
    case managers
    case requesterAndManagers

    public var includesRequester: Bool { self != .managers }
    public var includesManagers: Bool { self != .requester }
}
