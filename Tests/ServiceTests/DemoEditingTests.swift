import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("The demo's edits")
struct DemoEditingTests {
    @Test("张伟 has a renewed certificate and a week of leave; the manager onboarded an SME, once")
    func edits() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            try await Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
                .migrate()
            let demo = DemoCenter(database: db)
            let centerId = try await demo.load().centerId
            let instructors = try await OrganizationService(database: db).instructors(
                of: centerId, page: Page(limit: 100), as: .system)
            let welder = try #require(instructors.first { $0.name == "张伟" })
            #expect(welder.leave == [Leave(first: "2026-04-13", last: "2026-04-17", note: "年假")])
            #expect(welder.skills.contains(.init(skill: "welding.robot", expiresOn: "2031-12-31")))
            let hasher = PasswordHasher(cost: 4)
            let accounts = try await demo.loadAccounts(password: "demo-password-for-tests", hasher: hasher)
            #expect(accounts.contains { $0.username == "demo.sme" && $0.created && $0.role == .enterpriseCoordinator })
            let onboarded = try await db.query(
                """
                SELECT o.kind::text AS kind, o.home_center_id, (SELECT count(*)::int4 FROM audit_log a
                    JOIN users m ON m.id = a.user_id WHERE m.username = 'demo.manager' AND a.entity = 'organization'
                    AND a.entity_id = upper(o.id::text)) AS by_manager
                FROM organizations o JOIN users u ON u.organization_id = o.id WHERE u.username = 'demo.sme'
                """
            ).first!
            #expect(try onboarded.decode("kind", as: String.self) == "sme")
            #expect(try onboarded.decode("home_center_id", as: UUID.self) == centerId)
            #expect(try onboarded.decode("by_manager", as: Int.self) == 1)
            let again = try await demo.loadAccounts(password: "demo-password-for-tests", hasher: hasher)
            #expect(again.contains { $0.username == "demo.sme" && !$0.created })
        }
    }
}
