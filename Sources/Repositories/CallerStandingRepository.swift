public import Database
public import Foundation

/// Reads whether a caller still stands where it stood when it signed in: for work that outlives
/// one request (a plan-event stream), so that disabling the account, revoking the token or taking
/// a role away ends it.
public struct CallerStandingRepository: Sendable {
    public init() {}

    /// One role grant as stored: the role's raw value and its scope.
    public struct Grant: Sendable, Equatable {
        public var role: String
        public var centerId: UUID?
        public var instructorId: UUID?
    }

    /// The grants in force now for `userId` (narrowed to the token's role when it carries one);
    /// `nil` when the account is disabled or gone, or the token is revoked or expired.
    public func grants(userId: UUID, tokenId: UUID?, now: Date, on connection: Connection) throws -> [Grant]? {
        guard
            let row = try connection.query(
                """
                SELECT t.role::text AS token_role FROM users u
                LEFT JOIN api_tokens t ON t.id = \(tokenId) AND t.user_id = u.id
                WHERE u.id = \(userId) AND NOT u.disabled
                  AND (\(tokenId)::uuid IS NULL OR (t.id IS NOT NULL AND t.revoked_at IS NULL AND t.expires_at > \(now)))
                """
            ).first
        else { return nil }
        let tokenRole = try row.decode("token_role", as: String?.self)
        return try connection.query(
            """
            SELECT role::text AS role, center_id, instructor_id FROM role_grants
            WHERE user_id = \(userId) AND (\(tokenRole)::text IS NULL OR role::text = \(tokenRole))
            ORDER BY role, center_id, instructor_id
            """
        ).map {
            Grant(
                role: try $0.decode("role"), centerId: try $0.decode("center_id", as: UUID?.self),
                instructorId: try $0.decode("instructor_id", as: UUID?.self))
        }
    }
}
