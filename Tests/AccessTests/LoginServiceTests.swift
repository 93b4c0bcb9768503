import Access
import Database
import Foundation
import Service
import TestSupport
import Testing

extension AccessDatabaseTests {
    @Suite("Login reserves an attempt before bcrypt runs", .serialized)
    struct LoginServiceTests {
        @Test(
            "200 parallel wrong passwords for one account cost 5 verifications; the rest and then the right one are throttled"
        )
        func burst() async throws {
            try await TestDatabase.withPool(maxConnections: 4) { db in
                let tag = UUID().uuidString.prefix(8).lowercased()
                let organizationId: UUID = try await db.query(
                    "INSERT INTO organizations (name, kind) VALUES (\("运营方 \(tag)"), 'center_operator') RETURNING id"
                ).first!.decode("id")
                let hasher = PasswordHasher(cost: 4)
                let password = "the right passphrase"
                _ = try await UserService(database: db, hasher: hasher).create(
                    NewUser(
                        username: "burst-\(tag)", displayName: "burst", organizationId: organizationId,
                        password: password, roles: [RoleGrant(role: .auditor)]), as: .system)
                let login = LoginService(database: db, hasher: hasher)
                let outcomes = try await withThrowingTaskGroup(of: ServiceError?.self) { group in
                    for index in 0..<200 {
                        group.addTask {
                            do {
                                _ = try await login.login(
                                    username: "burst-\(tag)", password: "wrong guess \(index)", client: "10.1.\(tag)")
                                return nil
                            } catch let error as ServiceError { return error }
                        }
                    }
                    return try await group.reduce(into: [ServiceError?]()) { $0.append($1) }
                }
                #expect(hasher.verifications == 5)
                #expect(outcomes.filter { $0 == .unauthenticated }.count == 5)
                #expect(outcomes.filter { if case .throttled = $0 { true } else { false } }.count == 195)
                let locked = await #expect(throws: ServiceError.self) {
                    try await login.login(username: "burst-\(tag)", password: password, client: "10.1.\(tag)")
                }
                #expect(locked.map { if case .throttled = $0 { true } else { false } } == true)
                #expect(hasher.verifications == 5)
            }
        }
    }
}
