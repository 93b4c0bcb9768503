import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// The center context rules: a workplace is chosen explicitly, remembered per account, and what
/// the caller may do there follows their roles at that center.
@Suite("Workplaces")
struct WorkplaceTests {
    @Test("a manager works in their own center until they choose another, where they only read")
    func managerChoosesAnother() async throws {
        try await TestDatabase.withPool { db in
            let (own, other) = (try await CenterFixture(db), try await CenterFixture(db))
            let centers = CenterService(database: db)
            let manager = try await own.manager()
            #expect(try await centers.workplace(as: manager)?.id == own.center.id)
            #expect(try await centers.workplaces(as: manager).manages)
            _ = try await centers.chooseWorkplace(other.center.id, as: manager)
            let there = try await centers.workplaces(as: manager)
            #expect(there.current?.id == other.center.id && !there.manages)
            #expect(there.choices.contains { $0.id == own.center.id })
            await #expect(throws: ServiceError.self) { try await centers.managedCenter(as: manager) }
            _ = try await centers.chooseWorkplace(own.center.id, as: manager)
            #expect(try await centers.managedCenter(as: manager).id == own.center.id)
        }
    }

    @Test("a manager's own center stays among the choices when more than 200 centers come before it")
    func ownCenterBeyondTheFirst200() async throws {
        try await TestDatabase.withPool { db in
            let own = try await CenterFixture(db)
            let tag = String(UUID().uuidString.prefix(8))
            try await db.query(
                """
                INSERT INTO centers (name, operator_id)
                SELECT '000 ' || \(tag) || ' ' || n, \(own.center.operatorId) FROM generate_series(1, 201) AS n
                """)
            let manager = try await own.manager()
            let choices = try await CenterService(database: db).workplaces(as: manager).choices
            #expect(choices.count > 200)
            #expect(choices.contains { $0.id == own.center.id })
        }
    }

    @Test("a coordinator of one organization works at two centers: each choice is remembered and audited")
    func coordinatorAtTwoCenters() async throws {
        try await TestDatabase.withPool { db in
            let (first, second) = (try await CenterFixture(db), try await CenterFixture(db))
            let user = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
                NewUser(
                    username: "coord-\(UUID().uuidString.prefix(8).lowercased())", displayName: "协调员",
                    organizationId: first.school.id, password: nil, roles: [RoleGrant(role: .schoolCoordinator)]),
                as: .system)
            let coordinator = Principal(
                userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
            let centers = CenterService(database: db)
            for center in [second.center, first.center, second.center] {
                _ = try await centers.chooseWorkplace(center.id, as: coordinator)
                #expect(try await centers.workplace(as: coordinator)?.id == center.id)
            }
            let audited: Int = try await db.query(
                "SELECT count(*)::int AS n FROM audit_log WHERE user_id = \(user.id) AND action = 'choose_workplace'"
            ).first!.decode("n")
            #expect(audited == 3)
            let unknown = await #expect(throws: ServiceError.self) {
                try await centers.chooseWorkplace(UUID(), as: coordinator)
            }
            #expect(unknown == .notFound(entity: "center"))
            #expect(try await centers.workplace(as: coordinator)?.id == second.center.id)
        }
    }
}
