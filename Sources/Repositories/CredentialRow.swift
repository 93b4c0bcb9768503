public import Access
import Database
import Foundation

/// The columns a credential's look-up reads of its user, and how they become a ``Principal``.
enum CredentialRow {
    /// The user's id, name, organization and grants as `role|centerId|instructorId` texts (read
    /// without a JSON pass: this runs on every request).
    static let userColumns: SQL = """
        u.id, u.username, u.organization_id,
        coalesce((SELECT array_agg(g.role::text || '|' || coalesce(g.center_id::text, '') || '|' || coalesce(g.instructor_id::text, ''))
                  FROM role_grants g WHERE g.user_id = u.id), '{}') AS grants
        """

    /// The principal of a row read with ``userColumns``; a narrowed token brings only the grants of its role.
    static func principal(_ row: Row, tokenId: UUID? = nil, tokenRole: Role? = nil) throws -> Principal {
        let grants = try row.decode("grants", as: [String].self).compactMap { text -> RoleGrant? in
            let parts = text.split(separator: "|", omittingEmptySubsequences: false)
            guard parts.count == 3, let role = Role(rawValue: String(parts[0])) else { return nil }
            return RoleGrant(
                role: role, centerId: UUID(uuidString: String(parts[1])),
                instructorId: UUID(uuidString: String(parts[2])))
        }
        return Principal(
            userId: try row.decode("id"), username: try row.decode("username"),
            organizationId: try row.decode("organization_id"),
            grants: tokenRole.map { role in grants.filter { $0.role == role } } ?? grants, tokenId: tokenId,
            tokenRole: tokenRole)
    }
}
