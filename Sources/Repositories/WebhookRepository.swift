public import Database
public import Domain
public import Foundation

/// Reads and writes `webhook_subscriptions` and their delivery log.
public struct WebhookRepository: Sendable {
    public init() {}

    private static let columns: SQL = "id, organization_id, url, events, active, created_at"

    /// Stores a subscription with its secret.
    public func insert(
        _ input: NewWebhookSubscription, organizationId: UUID, secret: String, on connection: Connection
    ) throws -> WebhookSubscription {
        try Self.subscription(
            from: connection.query(
                """
                INSERT INTO webhook_subscriptions (organization_id, url, secret, events)
                VALUES (\(organizationId), \(input.url), \(secret), \(input.events.map(\.rawValue)))
                RETURNING \(Self.columns)
                """
            ).first!)
    }

    /// An organization's subscriptions, oldest first.
    public func list(organizationId: UUID, on connection: Connection) throws -> [WebhookSubscription] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM webhook_subscriptions WHERE organization_id = \(organizationId)
            ORDER BY created_at, id
            """
        ).map(Self.subscription(from:))
    }

    /// The subscription with this id; `forUpdate` locks it.
    public func find(id: UUID, forUpdate: Bool = false, on connection: Connection) throws -> WebhookSubscription? {
        let lock: SQL = forUpdate ? " FOR UPDATE" : ""
        return try connection.query("SELECT \(Self.columns) FROM webhook_subscriptions WHERE id = \(id)\(lock)")
            .first.map(Self.subscription(from:))
    }

    /// Stops (or resumes) calling a subscription.
    public func setActive(_ active: Bool, id: UUID, on connection: Connection) throws -> WebhookSubscription? {
        try connection.query(
            "UPDATE webhook_subscriptions SET active = \(active) WHERE id = \(id) RETURNING \(Self.columns)"
        ).first.map(Self.subscription(from:))
    }

    /// A subscription's deliveries, newest first: its delivery log.
    public func deliveries(
        subscriptionId: UUID, limit: Int, offset: Int, on connection: Connection
    ) throws
        -> [Delivery]
    {
        try connection.query(
            """
            SELECT \(DeliveryRepository.columns) FROM deliveries WHERE subscription_id = \(subscriptionId)
            ORDER BY created_at DESC, id LIMIT \(limit) OFFSET \(offset)
            """
        ).map(DeliveryRepository.delivery(from:))
    }

    static func subscription(from row: Row) throws -> WebhookSubscription {
        WebhookSubscription(
            id: try row.decode("id"), organizationId: try row.decode("organization_id"), url: try row.decode("url"),
            events: try row.decode("events", as: [String].self).compactMap(NoticeEvent.init(rawValue:)),
            active: try row.decode("active"), createdAt: try row.decode("created_at"))
    }
}
