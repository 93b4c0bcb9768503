public import Database
public import Domain
public import Foundation

/// Writes the outbox (`notices`, their e-mail `deliveries` and the jobs that send them) and reads a
/// user's in-app list.
public struct NoticeRepository: Sendable {
    public init() {}

    private static let columns: SQL = """
        id, event, entity, entity_id, language, title, body, link, created_at, read_at
        """

    /// Writes one notice per recipient of `draft` (coordinators of its organization and/or managers
    /// of its center, as its event says, less those who muted the event), in each one's language;
    /// an e-mail delivery and its job for those who want e-mail; a webhook delivery and its job per
    /// subscriber of the organization. In the caller's transaction.
    /// - Returns: how many notices were written.
    @discardableResult
    public func write(_ draft: NoticeDraft, on connection: Connection) throws -> Int {
        let event = draft.event.rawValue
        let written: Int = try connection.query(
            """
            WITH recipients AS (
                SELECT DISTINCT u.id FROM users u JOIN role_grants g ON g.user_id = u.id
                WHERE NOT u.disabled AND (
                    (\(draft.event.recipients.includesRequester) AND u.organization_id = \(draft.organizationId)
                     AND g.role IN ('school_coordinator', 'enterprise_coordinator'))
                    OR (\(draft.event.recipients.includesManagers) AND g.role = 'center_manager'
                        AND g.center_id = \(draft.centerId)))
            ), chosen AS (
                SELECT r.id AS user_id, coalesce(p.language, 'zh-CN') AS language,
                       coalesce(p.email_enabled, false) AS mail, p.email
                FROM recipients r LEFT JOIN notice_preferences p ON p.user_id = r.id
                WHERE NOT coalesce(\(event) = ANY(p.muted_events), false)
            ), inserted AS (
                INSERT INTO notices (user_id, event, center_id, organization_id, entity, entity_id, language, title,
                                     body, link)
                SELECT user_id, \(event), \(draft.centerId), \(draft.organizationId), \(draft.entity),
                       \(draft.entityId), language,
                       CASE WHEN language = 'en' THEN \(draft.title.en) ELSE \(draft.title.zh) END,
                       CASE WHEN language = 'en' THEN \(draft.body.en) ELSE \(draft.body.zh) END, \(draft.link)
                FROM chosen RETURNING id, user_id
            ), mails AS (
                INSERT INTO deliveries (channel, notice_id, event, target)
                SELECT 'email', i.id, \(event), c.email FROM inserted i JOIN chosen c USING (user_id) WHERE c.mail
                RETURNING id
            ), mail_jobs AS (
                INSERT INTO jobs (kind, payload, dedup_key)
                SELECT 'email', jsonb_build_object('delivery', id), id::text FROM mails RETURNING id
            )
            SELECT (SELECT count(*) FROM inserted)::int AS written, (SELECT count(*) FROM mail_jobs)::int AS mails
            """
        ).first!.decode("written")
        try writeWebhooks(draft, on: connection)
        return written
    }

    /// A webhook delivery and its job per active subscriber of the draft's organization to its event.
    private func writeWebhooks(_ draft: NoticeDraft, on connection: Connection) throws {
        guard let organizationId = draft.organizationId else { return }
        let body = try JSONB(encoding: WebhookBody(draft))
        try connection.query(
            """
            WITH hooks AS (
                INSERT INTO deliveries (channel, subscription_id, event, target, body)
                SELECT 'webhook', s.id, \(draft.event.rawValue), s.url,
                       \(body) || jsonb_build_object('occurredAt', to_char(now() AT TIME ZONE 'UTC',
                                                                           'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                FROM webhook_subscriptions s
                WHERE s.active AND s.organization_id = \(organizationId) AND \(draft.event.rawValue) = ANY(s.events)
                RETURNING id
            )
            INSERT INTO jobs (kind, payload, dedup_key)
            SELECT 'webhook', jsonb_build_object('delivery', id), id::text FROM hooks
            """)
    }

    /// A user's notices, newest first.
    public func list(
        userId: UUID, unreadOnly: Bool, limit: Int, offset: Int, on connection: Connection
    ) throws
        -> [Notice]
    {
        try connection.query(
            """
            SELECT \(Self.columns) FROM notices
            WHERE user_id = \(userId) AND (NOT \(unreadOnly) OR read_at IS NULL)
            ORDER BY created_at DESC, id LIMIT \(limit) OFFSET \(offset)
            """
        ).map(Self.notice(from:))
    }

    /// How many of a user's notices are unread.
    public func unreadCount(userId: UUID, on connection: Connection) throws -> Int {
        try connection.query(
            "SELECT count(*)::int AS unread FROM notices WHERE user_id = \(userId) AND read_at IS NULL"
        ).first!.decode("unread")
    }

    /// Marks one of a user's notices read (again: no change).
    /// - Returns: the notice, `nil` when the user has none with this id.
    public func markRead(_ id: UUID, userId: UUID, on connection: Connection) throws -> Notice? {
        try connection.query(
            """
            UPDATE notices SET read_at = coalesce(read_at, now()) WHERE id = \(id) AND user_id = \(userId)
            RETURNING \(Self.columns)
            """
        ).first.map(Self.notice(from:))
    }

    /// Marks all of a user's notices read.
    /// - Returns: how many were unread.
    public func markAllRead(userId: UUID, on connection: Connection) throws -> Int {
        try connection.query(
            "UPDATE notices SET read_at = now() WHERE user_id = \(userId) AND read_at IS NULL"
        ).affectedRows
    }

    static func notice(from row: Row) throws -> Notice {
        Notice(
            id: try row.decode("id"), event: try row.decode("event"), entity: try row.decode("entity"),
            entityId: try row.decode("entity_id"), language: try row.decode("language"), title: try row.decode("title"),
            body: try row.decode("body"), link: try row.decode("link"), createdAt: try row.decode("created_at"),
            readAt: try row.decode("read_at", as: Date?.self))
    }
}

/// A webhook call's JSON body (the delivery id and time are added when it is written).
struct WebhookBody: Encodable {
    let event: String
    let centerId: UUID?
    let organizationId: UUID?
    let entity: String
    let entityId: String
    let title: LocalizedText
    let body: LocalizedText
    let link: String

    init(_ draft: NoticeDraft) {
        (event, centerId, organizationId) = (draft.event.rawValue, draft.centerId, draft.organizationId)
        (entity, entityId, title, body, link) = (draft.entity, draft.entityId, draft.title, draft.body, draft.link)
    }
}
