public import Database
public import Domain
public import Foundation

/// Reads and writes `quotas`, and counts what an organization used of them (see `sql/0037_quotas.sql`).
public struct QuotaRepository: Sendable {
    public init() {}

    private static let columns: SQL =
        "id, center_id, organization_id, category::text AS category, resource_id, capability, period::text AS period, hours, version"

    /// Inserts a quota (already validated).
    public func insert(_ quota: NewQuota, centerId: UUID, on connection: Connection) throws -> Quota {
        try Self.quota(
            from: try connection.query(
                """
                INSERT INTO quotas (center_id, organization_id, category, resource_id, capability, period, hours)
                VALUES (\(centerId), \(quota.organizationId), \(quota.category?.rawValue)::category, \(quota.resourceId),
                        \(quota.capability), \(quota.period.rawValue)::quota_period, \(quota.hours)::int4)
                RETURNING \(Self.columns)
                """
            ).first!)
    }

    /// Replaces a quota's terms at `version`; `nil` when it is no longer at that version.
    public func update(id: UUID, to quota: NewQuota, version: Int, on connection: Connection) throws -> Quota? {
        try connection.query(
            """
            UPDATE quotas SET organization_id = \(quota.organizationId), category = \(quota.category?.rawValue)::category,
                   resource_id = \(quota.resourceId), capability = \(quota.capability),
                   period = \(quota.period.rawValue)::quota_period, hours = \(quota.hours)::int4, version = version + 1
            WHERE id = \(id) AND version = \(version)::int4
            RETURNING \(Self.columns)
            """
        ).first.map(Self.quota(from:))
    }

    /// A center's quotas, of one organization when given, by organization and id.
    public func list(centerId: UUID, organizationId: UUID?, on connection: Connection) throws -> [Quota] {
        var condition: SQL = "center_id = \(centerId)"
        if let organizationId { condition.append(" AND organization_id = \(organizationId)") }
        return try connection.query(
            "SELECT \(Self.columns) FROM quotas WHERE \(condition) ORDER BY organization_id, id"
        ).map(Self.quota(from:))
    }

    /// The quota with this id, if any.
    public func find(id: UUID, on connection: Connection) throws -> Quota? {
        try connection.query("SELECT \(Self.columns) FROM quotas WHERE id = \(id)").first.map(Self.quota(from:))
    }

    /// Locks the quota (`FOR UPDATE`) and reads it, for a change decided on what was read.
    public func lock(id: UUID, on connection: Connection) throws -> Quota? {
        try connection.query("SELECT \(Self.columns) FROM quotas WHERE id = \(id) FOR UPDATE").first.map(
            Self.quota(from:))
    }

    /// Deletes a quota; returns whether it existed.
    public func delete(id: UUID, on connection: Connection) throws -> Bool {
        try connection.query("DELETE FROM quotas WHERE id = \(id)").affectedRows == 1
    }

    /// What the quota's organization has used of it in the window that holds `instant`.
    public func use(of quota: Quota, at instant: Date, on connection: Connection) throws -> QuotaUse {
        let row = try connection.query(
            """
            SELECT lower(w) AS window_start, upper(w) AS window_end,
                   CASE WHEN w IS NULL THEN 0 ELSE quota_hours_used(q, w) END::float8 AS used
            FROM quotas q, quota_window(q.period, q.center_id, \(instant)) AS w
            WHERE q.id = \(quota.id)
            """
        ).first
        return QuotaUse(
            quota: quota, windowStart: try row?.decode("window_start", as: Date?.self),
            windowEnd: try row?.decode("window_end", as: Date?.self),
            hoursUsed: (try row?.decode("used", as: Double.self)) ?? 0)
    }

    /// Every window of the center's quotas that holds one of `instants`, in order per quota, with the
    /// hours used there by confirmed bookings other than those of the requests `replanned` (a planner
    /// run places those again).
    public func windows(
        centerId: UUID, holding instants: [Date], replanned: [UUID], on connection: Connection
    ) throws -> [QuotaUse] {
        let days = instants.map(\.sqlText)
        let requests = replanned.map(\.sqlText)
        return try connection.query(
            """
            SELECT q.*, lower(w.w) AS window_start, upper(w.w) AS window_end,
                   (SELECT coalesce(sum(extract(epoch FROM upper(b.during) - lower(b.during)) / 3600), 0)
                    FROM bookings b
                    WHERE b.center_id = q.center_id AND b.organization_id = q.organization_id
                      AND b.status = 'confirmed' AND lower(b.during) <@ w.w AND quota_covers(q, b)
                      AND NOT EXISTS (SELECT 1 FROM request_bookings rb
                                      WHERE rb.booking_id = b.id AND rb.request_id = ANY (\(requests)::uuid[]))
                   )::float8 AS used
            FROM quotas q
            CROSS JOIN LATERAL (SELECT DISTINCT quota_window(q.period, q.center_id, d) AS w
                                FROM unnest(\(days)::timestamptz[]) AS d) AS w
            WHERE q.center_id = \(centerId) AND w.w IS NOT NULL
            ORDER BY q.id, lower(w.w)
            """
        ).map { row in
            QuotaUse(
                quota: try Self.quota(from: row), windowStart: try row.decode("window_start", as: Date?.self),
                windowEnd: try row.decode("window_end", as: Date?.self), hoursUsed: try row.decode("used"))
        }
    }

    /// Checks the quotas of the confirmed bookings just written in this transaction (`check_quotas`).
    /// Running it throws ``DatabaseError`` ``SQLState/quotaExceeded`` with the quota's id as detail.
    public func check(bookingIds: [UUID]) -> Query<Void> {
        let ids = bookingIds.map { $0.uuidString.lowercased() }
        return Query("SELECT check_quotas(\(ids)::uuid[])")
    }

    private static func quota(from row: Row) throws -> Quota {
        Quota(
            id: try row.decode("id"), centerId: try row.decode("center_id"),
            organizationId: try row.decode("organization_id"),
            category: try row.decode("category", as: String?.self).flatMap(Category.init(rawValue:)),
            resourceId: try row.decode("resource_id", as: UUID?.self),
            capability: try row.decode("capability", as: String?.self), period: try row.decode("period"),
            hours: try row.decode("hours"), version: try row.decode("version"))
    }
}

extension SQLState {
    /// `check_quotas`: a booking takes its organization past a quota; the detail is the quota's id.
    public static let quotaExceeded = SQLState(rawValue: "PXQ01")
}
