public import Foundation

/// One e-mail or webhook call of a notice, with its outcome so far: the delivery log's line. Its id
/// is the e-mail's Message-ID and the webhook's `X-Praxis-Delivery`, the same on every attempt.
public struct Delivery: Sendable, Equatable, Codable {
    public enum Channel: String, Sendable, Codable {
        case email
        case webhook
    }

    public enum Status: String, Sendable, Codable {
        case pending
        case delivered
        case failed
    }

    public var id: UUID
    public var channel: Channel
    public var event: String
    public var target: String
    public var status: Status
    public var attempts: Int
    public var lastError: String?
    /// The HTTP status the receiver answered last (webhooks).
    public var lastStatus: Int?
    public var createdAt: Date
    public var deliveredAt: Date?

    public init(
        id: UUID, channel: Channel, event: String, target: String, status: Status, attempts: Int, lastError: String?,
        lastStatus: Int?, createdAt: Date, deliveredAt: Date?
    ) {
        self.id = id
        self.channel = channel
        self.event = event
        self.target = target
        self.status = status
        self.attempts = attempts
        self.lastError = lastError
        self.lastStatus = lastStatus
        self.createdAt = createdAt
        self.deliveredAt = deliveredAt
    }
}
