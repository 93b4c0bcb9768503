public import Access
import Database
public import Foundation
import Repositories

extension DemoCenter {
    /// The environment variable `praxis seed --demo` takes the demo accounts' password from.
    public static let passwordVariable = "PRAXIS_DEMO_PASSWORD"

    /// One demo account: its username and role, and whether this load created it (an account
    /// loaded before keeps the password it was given then).
    public struct DemoAccount: Sendable {
        public let username: String
        public let role: Role
        public let created: Bool
    }

    /// The demo accounts' password: `PRAXIS_DEMO_PASSWORD` when set (scripts, tests, CI),
    /// otherwise a new random one that only this call knows.
    /// - Returns: the password and whether it was generated (and must be shown once).
    public static func demoPassword(
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) -> (password: String, generated: Bool) {
        if let given = environment[passwordVariable], !given.isEmpty { return (given, false) }
        return (String(Secret.generate(prefix: "demo-").prefix(24)), true)
    }

    /// Creates one account per role on the loaded demo center (those already there are kept):
    /// an admin, an auditor and a manager of the operator, a school's and an enterprise's
    /// coordinator from organizations with requests at the center, and an instructor; each
    /// created as ``Principal/system`` with `password`. Then the demo manager onboards an SME
    /// and its coordinator `demo.sme` (``onboardSME(centerId:password:users:)``), the instructor and
    /// the school coordinator subscribe to calendar feeds (``subscribeFeeds()``), and the new manager
    /// is told of the requests submitted before (``tellManagersOfSubmissions(centerId:)``).
    /// - Returns: the demo accounts, whether created now or before.
    /// - Throws: ``ServiceError/invalid(_:)`` for a password too short or too long.
    public func loadAccounts(password: String, hasher: PasswordHasher) async throws -> [DemoAccount] {
        let anchors = try await database.withConnection {
            try DemoAccountRepository().anchors(centerNamed: Self.name, on: $0)
        }
        guard let anchors else { throw ServiceError.notFound(entity: "demo center") }
        let accounts: [(String, String, UUID, RoleGrant)] = [
            ("demo.admin", "演示管理员", anchors.operatorId, RoleGrant(role: .admin)),
            ("demo.manager", "中心排课经理", anchors.operatorId, RoleGrant(role: .centerManager, centerId: anchors.centerId)),
            ("demo.school", "学校实训协调员", anchors.schoolId, RoleGrant(role: .schoolCoordinator)),
            ("demo.enterprise", "企业培训协调员", anchors.enterpriseId, RoleGrant(role: .enterpriseCoordinator)),
            (
                "demo.instructor", "实训指导教师", anchors.instructorOrganizationId,
                RoleGrant(role: .instructor, instructorId: anchors.instructorId)
            ),
            ("demo.auditor", "联合体审计员", anchors.operatorId, RoleGrant(role: .auditor)),
        ]
        let users = UserService(database: database, hasher: hasher)
        var loaded: [DemoAccount] = []
        for (username, name, organizationId, grant) in accounts {
            do {
                _ = try await users.create(
                    NewUser(
                        username: username, displayName: name, organizationId: organizationId, password: password,
                        roles: [grant]), as: .system)
                loaded.append(DemoAccount(username: username, role: grant.role, created: true))
            } catch ServiceError.conflict {
                loaded.append(DemoAccount(username: username, role: grant.role, created: false))  // loaded before
            }
        }
        if let sme = try await onboardSME(
            centerId: anchors.centerId, password: password, users: users)
        {
            loaded.append(sme)
        }
        try await subscribeFeeds()
        if loaded.contains(where: { $0.username == "demo.manager" && $0.created }) {
            try await tellManagersOfSubmissions(centerId: anchors.centerId)
        }
        return loaded
    }
}
