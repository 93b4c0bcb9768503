public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// An organization's webhooks and their delivery log: its coordinators (and admins) subscribe,
/// see every call made and how the receiver answered, and stop a subscription.
public struct WebhookService: Sendable {
    let database: Database
    let webhooks = WebhookRepository()

    public init(database: Database) {
        self.database = database
    }

    /// A new subscription and its signing secret, shown this once.
    public struct Created: Sendable, Encodable {
        public var subscription: WebhookSubscription
        public var secret: String
    }

    /// The organization's subscriptions.
    /// - Throws: `.notFound` for an organization the caller may not know; `.forbidden` unless the
    ///   caller coordinates it or is an admin.
    public func subscriptions(of organizationId: UUID, as caller: Principal) async throws -> [WebhookSubscription] {
        let webhooks = webhooks
        return try await database.withConnection { connection in
            try Policy(caller).authorize(.change, .organization(organizationId), entity: "organization")
            return try webhooks.list(organizationId: organizationId, on: connection)
        }
    }

    /// Subscribes a URL to some of the organization's events, with an audit row.
    /// - Throws: as ``subscriptions(of:as:)``; `.invalid` naming `url` or `events`.
    public func subscribe(
        _ asked: NewWebhookSubscription, for organizationId: UUID, as caller: Principal
    ) async throws -> Created {
        let webhooks = webhooks
        return try await database.withTransaction { connection in
            guard try OrganizationRepository().find(id: organizationId, forUpdate: true, on: connection) != nil else {
                throw ServiceError.notFound(entity: "organization")
            }
            try Policy(caller).authorize(.change, .organization(organizationId), entity: "organization")
            let input: NewWebhookSubscription
            do throws(DomainError) { input = try asked.validated() } catch { throw ServiceError.invalid(error) }
            let secret = Secret.generate(prefix: "whsec_")
            let created = try webhooks.insert(input, organizationId: organizationId, secret: secret, on: connection)
            try AuditLog().record(
                caller.actor, action: "create", entity: "webhook_subscription", id: created.id.uuidString,
                before: WebhookSubscription?.none, after: created, on: connection)
            return Created(subscription: created, secret: secret)
        }
    }

    /// Stops calling a subscription (its log stays).
    /// - Throws: `.notFound` for an unknown subscription or one the caller may not know; `.forbidden`.
    public func deactivate(_ id: UUID, as caller: Principal) async throws -> WebhookSubscription {
        let webhooks = webhooks
        return try await database.withTransaction { connection in
            guard let before = try webhooks.find(id: id, forUpdate: true, on: connection) else {
                throw ServiceError.notFound(entity: "webhook")
            }
            try Policy(caller).authorize(.change, .organization(before.organizationId), entity: "webhook")
            let after = try webhooks.setActive(false, id: id, on: connection)!
            try AuditLog().record(
                caller.actor, action: "deactivate", entity: "webhook_subscription", id: id.uuidString, before: before,
                after: after, on: connection)
            return after
        }
    }

    /// A subscription's delivery log, newest first.
    /// - Throws: as ``deactivate(_:as:)``.
    public func deliveries(of id: UUID, page: Page, as caller: Principal) async throws -> [Delivery] {
        let webhooks = webhooks
        return try await database.withConnection { connection in
            guard let subscription = try webhooks.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "webhook")
            }
            try Policy(caller).authorize(.change, .organization(subscription.organizationId), entity: "webhook")
            return try webhooks.deliveries(subscriptionId: id, limit: page.limit, offset: page.offset, on: connection)
        }
    }
}
