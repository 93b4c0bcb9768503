import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Onboarding a school or SME")
struct OnboardingTests {
    static let hasher = PasswordHasher(cost: 4)

    @Test("a manager onboards an SME and its coordinator in one go; the initial password signs in")
    func onboard() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let users = UserService(database: db, hasher: Self.hasher)
            let tag = UUID().uuidString.prefix(8).lowercased()
            let manager = try await db.stored(.manager(of: fixture.center.id))
            let made = try await users.onboard(
                Onboarding(name: "精工模具 \(tag)", kind: .sme, username: "sme.\(tag)", displayName: "刘主管"),
                at: fixture.center.id, as: manager)
            #expect(made.organization.kind == .sme)
            #expect(made.coordinator.organizationId == made.organization.id)
            #expect(made.coordinator.roles == [RoleGrant(role: .enterpriseCoordinator)])
            #expect(made.initialPassword.count == 23)
            let hash: String = try await db.query(
                "SELECT password_hash FROM users WHERE id = \(made.coordinator.id)"
            ).first!.decode("password_hash")
            #expect(try await Self.hasher.verify(made.initialPassword, hash: hash))
            #expect(try await db.auditRows("organization", made.organization.id, action: "create") == 1)
            #expect(try await db.auditRows("user", made.coordinator.id, action: "create") == 1)
            // the manager who onboarded it may edit it before it has any request
            let renamed = try await OrganizationService(database: db).change(
                made.organization.id, OrganizationChange(name: "精工模具有限公司 \(tag)"), version: 1, as: manager)
            #expect(renamed.version == 2)
        }
    }

    @Test("a taken username leaves no organization behind; a taken name is named; only managers onboard")
    func allOrNothing() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let users = UserService(database: db, hasher: Self.hasher)
            let tag = UUID().uuidString.prefix(8).lowercased()
            let manager = try await db.stored(.manager(of: fixture.center.id))
            _ = try await users.onboard(
                Onboarding(name: "先到 \(tag)", kind: .sme, username: "first.\(tag)", displayName: "甲"),
                at: fixture.center.id, as: manager)
            let name = "后到 \(tag)"
            await #expect(
                throws: ServiceError.invalid(
                    DomainError(field: "username", rule: "taken", message: "The username first.\(tag) is taken."))
            ) {
                _ = try await users.onboard(
                    Onboarding(
                        name: name, kind: .secondaryVocationalSchool, username: "first.\(tag)", displayName: "乙"),
                    at: fixture.center.id, as: manager)
            }
            let left: Int = try await db.query("SELECT count(*)::int4 AS n FROM organizations WHERE name = \(name)")
                .first!.decode("n")
            #expect(left == 0)
            let takenName = await #expect(throws: ServiceError.self) {
                _ = try await users.onboard(
                    Onboarding(name: "先到 \(tag)", kind: .sme, username: "second.\(tag)", displayName: "丙"),
                    at: fixture.center.id, as: manager)
            }
            guard case .invalid(let error) = takenName else {
                Issue.record("expected 422")
                return
            }
            #expect(error.field == "name" && error.rule == "taken")
            let stranger = await #expect(throws: ServiceError.self) {
                _ = try await users.onboard(
                    Onboarding(name: "越权 \(tag)", kind: .sme, username: "x.\(tag)", displayName: "丁"),
                    at: fixture.center.id, as: .coordinator(of: fixture.school.id))
            }
            guard case .forbidden = stranger else {
                Issue.record("expected 403")
                return
            }
            let operatorKind = await #expect(throws: ServiceError.self) {
                _ = try await users.onboard(
                    Onboarding(name: "运营 \(tag)", kind: .centerOperator, username: "y.\(tag)", displayName: "戊"),
                    at: fixture.center.id, as: manager)
            }
            guard case .invalid(let kindError) = operatorKind else {
                Issue.record("expected 422")
                return
            }
            #expect(kindError.field == "kind" && kindError.rule == "onboardable")
        }
    }
}
