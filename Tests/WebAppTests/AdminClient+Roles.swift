import Access
import Database
import Foundation
import HummingbirdTesting
import Service

extension AdminClient {
    /// Wraps `client` with the token of a new account of `organizationId` holding `roles`: a
    /// caller other than an admin, for the route tests that check what a role may see.
    static func signing(
        _ client: any TestClientProtocol, db: Database, organizationId: UUID, roles: [RoleGrant]
    ) async throws -> AdminClient {
        let username = "user-\(UUID().uuidString.prefix(8).lowercased())"
        let token = try await token(db: db, username: username, organizationId: organizationId, roles: roles)
        return AdminClient(base: client, token: token, username: username)
    }

    /// The API token of a new account `username` of `organizationId` holding `roles`.
    static func token(db: Database, username: String, organizationId: UUID, roles: [RoleGrant]) async throws -> String {
        _ = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(username: username, displayName: "用户", organizationId: organizationId, password: nil, roles: roles),
            as: .system)
        return try await TokenService(database: db).create(NewToken(name: "tests"), for: username, as: .system).secret
    }
}
