public import Database
public import Domain
public import Foundation

/// Reads what a delivery job sends and records how each attempt went (`deliveries`).
public struct DeliveryRepository: Sendable {
    public init() {}

    static let columns: SQL = """
        id, channel, event, target, status, attempts, last_error, last_status, created_at, delivered_at
        """

    /// What an e-mail delivery sends: the address and its notice.
    public struct Mail: Sendable {
        public var delivery: Delivery
        public var notice: Notice
    }

    /// What a webhook delivery sends: the URL, the subscriber's secret and the JSON body.
    public struct Call: Sendable {
        public var delivery: Delivery
        public var secret: String
        public var body: String
    }

    /// The e-mail delivery with this id and its notice.
    public func mail(_ id: UUID, on connection: Connection) throws -> Mail? {
        guard
            let row = try connection.query(
                """
                SELECT d.id, d.channel, d.event, d.target, d.status, d.attempts, d.last_error, d.last_status,
                       d.created_at, d.delivered_at, n.id AS notice_id, n.entity, n.entity_id, n.language, n.title,
                       n.body, n.link, n.created_at AS notice_created_at, n.read_at
                FROM deliveries d JOIN notices n ON n.id = d.notice_id WHERE d.id = \(id) AND d.channel = 'email'
                """
            ).first
        else { return nil }
        let notice = Notice(
            id: try row.decode("notice_id"), event: try row.decode("event"), entity: try row.decode("entity"),
            entityId: try row.decode("entity_id"), language: try row.decode("language"), title: try row.decode("title"),
            body: try row.decode("body"), link: try row.decode("link"), createdAt: try row.decode("notice_created_at"),
            readAt: try row.decode("read_at", as: Date?.self))
        return Mail(delivery: try Self.delivery(from: row), notice: notice)
    }

    /// The webhook delivery with this id, its secret and body (the delivery id added to the body).
    public func call(_ id: UUID, on connection: Connection) throws -> Call? {
        guard
            let row = try connection.query(
                """
                SELECT d.id, d.channel, d.event, d.target, d.status, d.attempts, d.last_error, d.last_status,
                       d.created_at, d.delivered_at, s.secret,
                       (d.body || jsonb_build_object('deliveryId', d.id))::text AS body
                FROM deliveries d JOIN webhook_subscriptions s ON s.id = d.subscription_id
                WHERE d.id = \(id) AND d.channel = 'webhook'
                """
            ).first
        else { return nil }
        return Call(
            delivery: try Self.delivery(from: row), secret: try row.decode("secret"), body: try row.decode("body"))
    }

    /// Records an attempt: delivered, or its error (and the receiver's status, for webhooks);
    /// `finalFailure` marks the delivery failed for good.
    public func record(
        _ id: UUID, delivered: Bool, error: String?, httpStatus: Int?, finalFailure: Bool, on connection: Connection
    ) throws {
        try connection.query(
            """
            UPDATE deliveries SET attempts = attempts + 1, last_error = left(\(error), 2000), last_status = \(httpStatus),
                   status = CASE WHEN \(delivered) THEN 'delivered' WHEN \(finalFailure) THEN 'failed' ELSE status END,
                   delivered_at = CASE WHEN \(delivered) THEN now() ELSE delivered_at END
            WHERE id = \(id)
            """)
    }

    static func delivery(from row: Row) throws -> Delivery {
        Delivery(
            id: try row.decode("id"), channel: Delivery.Channel(rawValue: try row.decode("channel")) ?? .email,
            event: try row.decode("event"), target: try row.decode("target"),
            status: Delivery.Status(rawValue: try row.decode("status")) ?? .pending,
            attempts: try row.decode("attempts"), lastError: try row.decode("last_error", as: String?.self),
            lastStatus: try row.decode("last_status", as: Int?.self), createdAt: try row.decode("created_at"),
            deliveredAt: try row.decode("delivered_at", as: Date?.self))
    }
}
