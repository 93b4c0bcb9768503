import Access
import Database
import Domain
import Foundation

extension Database {
    /// How many audit rows record `action` on the entity with this id.
    func auditRows(_ entity: String, _ id: UUID, action: String) async throws -> Int {
        try await query(
            """
            SELECT count(*)::int4 AS n FROM audit_log
            WHERE entity = \(entity) AND entity_id = \(id.uuidString) AND action = \(action)
            """
        ).first!.decode("n")
    }
}

extension Optional where Wrapped == ServiceError {
    /// The rule a 422 names (`field` and `rule`), `nil` for any other outcome.
    var broken: (field: String, rule: String)? {
        guard case .invalid(let error) = self else { return nil }
        return (error.field, error.rule)
    }
}

extension Database {
    /// Stores an account for `principal` (and its organization, when there is none with its id)
    /// so that the audit rows of its changes can name it.
    func stored(_ principal: Principal) async throws -> Principal {
        _ = try await query(
            """
            INSERT INTO organizations (id, name, kind)
            VALUES (\(principal.organizationId), \("测试单位 \(principal.organizationId)"), 'center_operator')
            ON CONFLICT DO NOTHING
            """)
        _ = try await query(
            """
            INSERT INTO users (id, organization_id, username, display_name)
            VALUES (\(principal.userId), \(principal.organizationId), \("t-\(principal.userId.uuidString.lowercased())"),
                    'tester')
            """)
        return principal
    }
}
