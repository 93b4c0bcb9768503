public import Access
public import Database
public import Domain
public import Foundation

/// Reads and writes `feed_subscriptions`: only the SHA-256 of a feed's secret is ever stored or
/// looked up.
public struct FeedRepository: Sendable {
    public init() {}

    private static let columns: SQL =
        "f.id, f.user_id, f.subject_kind, f.subject_id, f.name, f.created_at, f.revoked_at"

    /// Inserts a subscription whose secret has this digest.
    public func insert(
        userId: UUID, subject: FeedSubject, name: String, secretDigest: [UInt8], at now: Date,
        on connection: Connection
    ) throws -> FeedSubscription {
        try Self.subscription(
            try connection.query(
                """
                INSERT INTO feed_subscriptions AS f (user_id, subject_kind, subject_id, name, secret_hash, created_at)
                VALUES (\(userId), \(subject.kind), \(subject.id), \(name), \(Bytes(secretDigest)), \(now))
                RETURNING \(Self.columns)
                """
            ).first!)
    }

    /// A user's subscriptions, newest first.
    public func list(userId: UUID, limit: Int, offset: Int, on connection: Connection) throws -> [FeedSubscription] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM feed_subscriptions f WHERE f.user_id = \(userId)
            ORDER BY f.created_at DESC, f.id LIMIT \(limit) OFFSET \(offset)
            """
        ).map(Self.subscription)
    }

    /// The subscription, locked until the transaction ends, and its owner's organization.
    public func lock(
        _ id: UUID, on connection: Connection
    ) throws -> (
        subscription: FeedSubscription, organizationId: UUID
    )? {
        guard
            let row = try connection.query(
                """
                SELECT \(Self.columns), u.organization_id FROM feed_subscriptions f JOIN users u ON u.id = f.user_id
                WHERE f.id = \(id) FOR UPDATE OF f
                """
            ).first
        else { return nil }
        return (try Self.subscription(row), try row.decode("organization_id"))
    }

    /// Marks one subscription revoked and returns it.
    public func revoke(_ id: UUID, at now: Date, on connection: Connection) throws -> FeedSubscription {
        try Self.subscription(
            try connection.query(
                "UPDATE feed_subscriptions f SET revoked_at = \(now) WHERE f.id = \(id) RETURNING \(Self.columns)"
            ).first!)
    }

    /// The live subscription with this secret and its owner as they stand now (current grants);
    /// `nil` when there is none, it is revoked or the owner's account is disabled.
    public func find(secretDigest: [UInt8], on connection: Connection) throws -> (FeedSubscription, owner: Principal)? {
        guard
            let row = try connection.query(
                """
                SELECT \(Self.columns), \(CredentialRow.userColumns)
                FROM feed_subscriptions f JOIN users u ON u.id = f.user_id
                WHERE f.secret_hash = \(Bytes(secretDigest)) AND f.revoked_at IS NULL AND NOT u.disabled
                """
            ).first
        else { return nil }
        return (try Self.subscription(row), try CredentialRow.principal(row))
    }

    /// The display name of a feed's subject; `nil` when it does not exist.
    public func name(of subject: TimetableSubject, on connection: Connection) throws -> String? {
        let query: SQL =
            switch subject {
            case .resource(let id): "SELECT name FROM resources WHERE id = \(id)"
            case .instructor(let id): "SELECT name FROM instructors WHERE id = \(id)"
            case .cohort(let id): "SELECT name FROM cohorts WHERE id = \(id)"
            case .organization(let id): "SELECT name FROM organizations WHERE id = \(id)"
            }
        return try connection.query(query).first?.decode("name")
    }

    /// The IANA zone a feed's times are written in: the center's when the subject has one, else
    /// that of the first center (by name) where the organization has bookings; `nil` when neither.
    public func timeZone(centerId: UUID?, organizationId: UUID?, on connection: Connection) throws -> String? {
        try connection.query(
            """
            SELECT time_zone FROM centers c
            WHERE c.id = \(centerId)
               OR (\(centerId)::uuid IS NULL AND c.id IN (SELECT center_id FROM bookings WHERE organization_id = \(organizationId)))
            ORDER BY c.name, c.id LIMIT 1
            """
        ).first?.decode("time_zone")
    }

    private static func subscription(_ row: Row) throws -> FeedSubscription {
        FeedSubscription(
            id: try row.decode("id"), userId: try row.decode("user_id"), kind: try row.decode("subject_kind"),
            subjectId: try row.decode("subject_id", as: UUID?.self), name: try row.decode("name"),
            createdAt: try row.decode("created_at"), revokedAt: try row.decode("revoked_at", as: Date?.self))
    }
}
