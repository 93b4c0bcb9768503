public import Foundation

/// A calendar feed as its owner lists it: never the secret, which is shown once at creation.
public struct FeedSubscription: Sendable, Equatable, Codable {
    public var id: UUID
    /// The user who made it: the feed shows what this user may read now.
    public var userId: UUID
    /// `resource`, `instructor`, `cohort`, `organization` or `mine`.
    public var kind: String
    /// The resource, instructor, cohort or organization; `nil` for `mine`.
    public var subjectId: UUID?
    /// The calendar's name (`X-WR-CALNAME`): the subject's name when the feed was made.
    public var name: String
    public var createdAt: Date
    public var revokedAt: Date?

    public init(
        id: UUID, userId: UUID, kind: String, subjectId: UUID?, name: String, createdAt: Date, revokedAt: Date?
    ) {
        self.id = id
        self.userId = userId
        self.kind = kind
        self.subjectId = subjectId
        self.name = name
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }

    /// What the feed shows; `nil` only for a row no migration wrote.
    public var subject: FeedSubject? {
        FeedSubject(kind: kind, id: subjectId)
    }
}

/// A feed being asked for: what it shows.
public struct NewFeedSubscription: Sendable, Decodable {
    /// `resource`, `instructor`, `cohort`, `organization` or `mine`.
    public var kind: String
    /// The resource, instructor, cohort or organization; absent for `mine`.
    public var subjectId: UUID?

    public init(kind: String, subjectId: UUID?) {
        self.kind = kind
        self.subjectId = subjectId
    }
}

/// A feed just created, with the secret of its URL: it is not stored and never shown again.
public struct IssuedFeed: Sendable, Encodable {
    public let subscription: FeedSubscription
    public let secret: String
    /// The feed's path, `/feeds/<secret>.ics`; the edge makes it a full URL.
    public var path: String { "/feeds/\(secret).ics" }

    public init(subscription: FeedSubscription, secret: String) {
        self.subscription = subscription
        self.secret = secret
    }
}
