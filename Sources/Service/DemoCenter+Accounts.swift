public import Access
import Database
import Foundation

extension DemoCenter {
    /// The password of every demo account; printed by `praxis seed --demo`. Demo only.
    public static let demoPassword = "praxis-demo-2026"

    /// One demo account: its username and role.
    public struct DemoAccount: Sendable {
        public let username: String
        public let role: Role
    }

    /// Creates one account per role on the loaded demo center (those already there are kept):
    /// an admin, an auditor and a manager of the operator, a school's and an enterprise's
    /// coordinator from organizations with requests at the center, and an instructor.
    /// - Returns: the demo accounts, whether created now or before.
    public func loadAccounts(hasher: PasswordHasher) async throws -> [DemoAccount] {
        let row = try await database.query(
            """
            SELECT c.id AS center, c.operator_id,
                   (SELECT r.organization_id FROM requests r WHERE r.center_id = c.id AND r.category = 'student_training'
                    ORDER BY r.created_at, r.id LIMIT 1) AS school,
                   (SELECT r.organization_id FROM requests r
                    WHERE r.center_id = c.id AND r.category = 'pilot_production' ORDER BY r.created_at, r.id LIMIT 1) AS enterprise,
                   (SELECT i.id FROM instructors i WHERE i.center_id = c.id ORDER BY i.name LIMIT 1) AS instructor,
                   (SELECT i.organization_id FROM instructors i WHERE i.center_id = c.id ORDER BY i.name LIMIT 1) AS instructor_org
            FROM centers c WHERE c.name = \(Self.name)
            """
        ).first
        guard let row else { throw ServiceError.notFound(entity: "demo center") }
        let operatorId: UUID = try row.decode("operator_id")
        let accounts: [(String, String, UUID, RoleGrant)] = [
            ("demo.admin", "演示管理员", operatorId, RoleGrant(role: .admin)),
            ("demo.manager", "中心排课经理", operatorId, RoleGrant(role: .centerManager, centerId: try row.decode("center"))),
            ("demo.school", "学校实训协调员", try row.decode("school"), RoleGrant(role: .schoolCoordinator)),
            ("demo.enterprise", "企业培训协调员", try row.decode("enterprise"), RoleGrant(role: .enterpriseCoordinator)),
            (
                "demo.instructor", "实训指导教师", try row.decode("instructor_org"),
                RoleGrant(role: .instructor, instructorId: try row.decode("instructor"))
            ),
            ("demo.auditor", "联合体审计员", operatorId, RoleGrant(role: .auditor)),
        ]
        let users = UserService(database: database, hasher: hasher)
        for (username, name, organizationId, grant) in accounts {
            do {
                _ = try await users.createFromCommandLine(
                    NewUser(
                        username: username, displayName: name, organizationId: organizationId,
                        password: Self.demoPassword, roles: [grant]))
            } catch ServiceError.conflict {
                continue  // loaded before
            }
        }
        return accounts.map { DemoAccount(username: $0.0, role: $0.3.role) }
    }
}
