public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// Calendar feeds: a user subscribes their calendar app to a timetable they may read through a
/// secret URL; the feed shows it as its owner may read it at the time it is fetched.
///
/// Making, listing and revoking go through the door like every use case. Reading a feed
/// (``feed(secret:host:)``) has no signed-in caller: the secret is the credential, and the
/// feed's owner, as their account stands now, is the reader.
public struct FeedService: Sendable {
    let database: Database
    let now: @Sendable () -> Date
    let feeds = FeedRepository()

    /// How far back a feed reaches: eight weeks.
    public static let weeksBack = 8
    /// How far ahead a feed reaches: twenty-six weeks.
    public static let weeksAhead = 26
    /// The most sessions one feed sends.
    static let eventLimit = 5000

    /// - Parameter now: the clock that feed windows and revocations are measured against.
    public init(database: Database, now: @escaping @Sendable () -> Date = { Date() }) {
        self.database = database
        self.now = now
    }

    /// Makes a feed of what `input` names for the caller: they must be able to read it now.
    /// - Returns: the subscription and its secret, shown this once.
    /// - Throws: ``ServiceError``: `.invalid` for an unknown kind or a `mine` feed of someone who
    ///   teaches nothing, `.notFound`/`.forbidden` as reading the timetable would.
    public func create(_ input: NewFeedSubscription, as caller: Principal) async throws -> IssuedFeed {
        guard let subject = FeedSubject(kind: input.kind, id: input.subjectId) else {
            throw ServiceError.invalid(
                DomainError(
                    field: input.subjectId == nil && input.kind != "mine" ? "subjectId" : "kind", rule: "subject",
                    message:
                        "The kind must be one of \(FeedSubject.kinds.joined(separator: ", ")), with a subjectId except for mine."
                ))
        }
        let (feeds, now, secret) = (feeds, now(), Secret.generate(prefix: "pxf_"))
        let subscription = try await database.withTransaction { connection in
            try Policy(caller).authorize(
                .change, .account(userId: caller.userId, organizationId: caller.organizationId), entity: "feed")
            let name = try Self.name(of: subject, as: caller, on: connection)
            let subscription = try feeds.insert(
                userId: caller.userId, subject: subject, name: name, secretDigest: Secret.digest(secret), at: now,
                on: connection)
            try AuditLog().record(
                caller.actor, action: "create", entity: "feed_subscription", id: subscription.id.uuidString,
                before: nil, after: subscription, on: connection)
            return subscription
        }
        return IssuedFeed(subscription: subscription, secret: secret)
    }

    /// The caller's own feeds, newest first.
    public func subscriptions(page: Page, as caller: Principal) async throws -> [FeedSubscription] {
        let feeds = feeds
        return try await database.reading { connection in
            try Policy(caller).authorize(
                .read, .account(userId: caller.userId, organizationId: caller.organizationId), entity: "feed")
            return try feeds.list(userId: caller.userId, limit: page.limit, offset: page.offset, on: connection)
        }
    }

    /// Revokes a feed of the caller's own (or any, for an admin): its URL answers 404 from now on.
    /// Revoking twice changes nothing.
    /// - Throws: ``ServiceError/notFound(entity:)`` for a feed the caller may not see.
    public func revoke(_ id: UUID, as caller: Principal) async throws -> FeedSubscription {
        let (feeds, now) = (feeds, now())
        return try await database.withTransaction { connection in
            guard let (current, organizationId) = try feeds.lock(id, on: connection) else {
                throw ServiceError.notFound(entity: "feed")
            }
            try Policy(caller).authorize(
                .change, .account(userId: current.userId, organizationId: organizationId), entity: "feed")
            guard current.revokedAt == nil else { return current }
            let revoked = try feeds.revoke(id, at: now, on: connection)
            try AuditLog().record(
                caller.actor, action: "revoke", entity: "feed_subscription", id: id.uuidString, before: current,
                after: revoked, on: connection)
            return revoked
        }
    }

    /// The calendar's name: the subject's, checking on the way that the caller may read it.
    private static func name(of subject: FeedSubject, as caller: Principal, on connection: Connection) throws -> String
    {
        guard let timetable = subject.timetable else {
            guard !caller.instructorIds.isEmpty else {
                throw ServiceError.invalid(
                    DomainError(
                        field: "kind", rule: "teaches", message: "Only an instructor has a timetable of their own."))
            }
            return "Praxis – \(caller.username)"
        }
        guard let owner = try TimetableRepository().owner(of: timetable, on: connection),
            let name = try FeedRepository().name(of: timetable, on: connection)
        else { throw ServiceError.notFound(entity: timetable.entity) }
        _ = try TimetableService.reading(timetable, owner, as: caller, on: connection)
        return "Praxis – \(name)"
    }
}
