public import Database
public import Domain
public import Foundation

/// Reads and replaces a center's ``CenterPolicy``: share bounds, the changeover matrix, weights and the
/// closed-days rule of pilot runs.
public struct PolicyRepository: Sendable {
    public init() {}

    /// The center's policy; version 0 with no bounds and default weights before the first write.
    public func policy(centerId: UUID, on connection: Connection) throws -> CenterPolicy {
        let stored = try connection.query(
            """
            SELECT weights, version, pilot_runs_through_closures, displacement FROM center_policies WHERE center_id = \(centerId)
            """
        )
        .first
        let shares = try connection.query(
            """
            SELECT category::text AS category, min_percent, max_percent FROM category_shares
            WHERE center_id = \(centerId) ORDER BY category
            """
        ).map { row in
            CategoryShare(
                category: try row.decode("category"), minPercent: try row.decode("min_percent"),
                maxPercent: try row.decode("max_percent"))
        }
        let changeovers = try connection.query(
            """
            SELECT resource_kind::text AS kind, from_category::text AS "from", to_category::text AS "to", minutes
            FROM changeover_rules WHERE center_id = \(centerId) ORDER BY resource_kind, from_category, to_category
            """
        ).map { row in
            ChangeoverRule(
                resourceKind: try row.decode("kind"), fromCategory: try row.decode("from"),
                toCategory: try row.decode("to"), minutes: try row.decode("minutes"))
        }
        return CenterPolicy(
            version: try stored?.decode("version") ?? 0, shares: shares, changeovers: changeovers,
            weights: try stored.map { try $0.decode("weights", as: JSONB.self).decode() } ?? PolicyWeights(),
            pilotRunsThroughClosures: try stored?.decode("pilot_runs_through_closures") ?? false,
            displacement: try stored?.decode("displacement", as: JSONB?.self)?.decode())
    }

    /// Whether the center lets pilot runs go on through closed days and holidays (no before the first write).
    public func pilotRunsThroughClosuresQuery(centerId: UUID) -> Query<Bool> {
        Query("SELECT pilot_runs_through_closures FROM center_policies WHERE center_id = \(centerId)") {
            try $0.first?.decode("pilot_runs_through_closures") ?? false
        }
    }

    /// Replaces the whole policy and bumps its version; the caller holds the center's row lock.
    public func replace(_ policy: CenterPolicy, centerId: UUID, on connection: Connection) throws -> CenterPolicy {
        try connection.query(
            """
            INSERT INTO center_policies (center_id, weights, pilot_runs_through_closures, displacement)
            VALUES (\(centerId), \(try JSONB(encoding: policy.weights)), \(policy.pilotRunsThroughClosures ?? false),
                    \(try policy.displacement.map { try JSONB(encoding: $0) }))
            ON CONFLICT (center_id) DO UPDATE SET weights = excluded.weights,
                pilot_runs_through_closures = excluded.pilot_runs_through_closures,
                displacement = excluded.displacement, version = center_policies.version + 1
            """)
        try connection.query("DELETE FROM category_shares WHERE center_id = \(centerId)")
        for share in policy.shares {
            try connection.query(
                """
                INSERT INTO category_shares (center_id, category, min_percent, max_percent)
                VALUES (\(centerId), \(share.category.rawValue)::category, \(share.minPercent), \(share.maxPercent))
                """)
        }
        try connection.query("DELETE FROM changeover_rules WHERE center_id = \(centerId)")
        for rule in policy.changeovers {
            try connection.query(
                """
                INSERT INTO changeover_rules (center_id, resource_kind, from_category, to_category, minutes)
                VALUES (\(centerId), \(rule.resourceKind.rawValue)::resource_kind, \(rule.fromCategory.rawValue)::category,
                        \(rule.toCategory.rawValue)::category, \(rule.minutes))
                """)
        }
        return try self.policy(centerId: centerId, on: connection)
    }
}
