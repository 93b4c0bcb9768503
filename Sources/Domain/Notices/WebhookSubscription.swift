public import Foundation

/// An organization's webhook: the URL its events are POSTed to, signed with a secret shown once.
public struct WebhookSubscription: Sendable, Equatable, Codable {
    public var id: UUID
    public var organizationId: UUID
    public var url: String
    public var events: [NoticeEvent]
    public var active: Bool
    public var createdAt: Date

    public init(id: UUID, organizationId: UUID, url: String, events: [NoticeEvent], active: Bool, createdAt: Date) {
        self.id = id
        self.organizationId = organizationId
        self.url = url
        self.events = events
        self.active = active
        self.createdAt = createdAt
    }
}

/// A webhook asked for: where to, which events.
public struct NewWebhookSubscription: Sendable, Equatable, Codable {
    public var url: String
    public var events: [NoticeEvent]

    public init(url: String, events: [NoticeEvent]) {
        self.url = url
        self.events = events
    }

    /// Checks the URL (http or https, at most 2,000 characters, no spaces) and that events are named.
    /// - Throws: ``DomainError`` naming `url` or `events`.
    public func validated() throws(DomainError) -> NewWebhookSubscription {
        let lower = url.lowercased()
        guard url.count <= 2000, lower.hasPrefix("http://") || lower.hasPrefix("https://"),
            url.count > 8, !url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 32 } == true })
        else {
            throw DomainError(field: "url", rule: "format", message: "The url must be an http:// or https:// address.")
        }
        guard !events.isEmpty else {
            throw DomainError(field: "events", rule: "required", message: "Name at least one event.")
        }
        return NewWebhookSubscription(url: url, events: Array(Set(events)).sorted { $0.rawValue < $1.rawValue })
    }
}
