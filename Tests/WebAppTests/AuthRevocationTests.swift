import Access
import Database
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

extension AuthTests {
    @Suite("A password change, reset or disable revokes the account's tokens and sessions", .serialized)
    struct AuthRevocationTests {
        /// The account's tokens not yet revoked, as stored.
        static func liveTokens(_ fixture: AuthFixture, of user: User) async throws -> Int {
            try await fixture.db.query(
                "SELECT count(*) AS n FROM api_tokens WHERE user_id = \(user.id) AND revoked_at IS NULL"
            ).first!.decode("n")
        }

        @Test("the owner's password change: the token and the other session stop working")
        func ownChange() async throws {
            try await AuthFixture.run { fixture, client in
                let user = try await fixture.addUser("mover", roles: [RoleGrant(role: .auditor)])
                let (secret, _) = try await fixture.token(client, username: user.username)
                let (cookie, _) = try await fixture.session(client, username: user.username)
                let (other, csrf) = try await fixture.session(client, username: user.username)
                let patch = try await client.execute(
                    uri: "/users/\(user.id)", method: .patch,
                    headers: [.cookie: other, .init("X-CSRF-Token")!: csrf, .ifMatch: "\"1\""],
                    body: AuthFixture.json([
                        "password": "a brand new passphrase", "currentPassword": AuthFixture.password,
                    ]))
                #expect(patch.status == .ok)
                #expect(
                    try await client.execute(uri: "/me", method: .get, headers: .bearer(secret)).status == .unauthorized
                )
                #expect(
                    try await client.execute(uri: "/me", method: .get, headers: [.cookie: cookie]).status
                        == .unauthorized)
                #expect(try await Self.liveTokens(fixture, of: user) == 0)
                let revoked: Int = try await fixture.db.query(
                    "SELECT count(*) AS n FROM audit_log WHERE action = 'revoke' AND entity = 'api_token' AND user_id = \(user.id)"
                ).first!.decode("n")
                #expect(revoked == 1)
            }
        }

        @Test("an admin's reset and disable revoke tokens for good: re-enabling does not bring them back")
        func adminResetAndDisable() async throws {
            try await AuthFixture.run { fixture, client in
                let (adminToken, _) = try await fixture.token(client)
                for (index, change) in [["password": "reset by the admin"], ["disabled": true]].enumerated() {
                    let user = try await fixture.addUser("target\(index)", roles: [RoleGrant(role: .auditor)])
                    let (secret, _) = try await fixture.token(client, username: user.username)
                    let patch = try await client.execute(
                        uri: "/users/\(user.id)", method: .patch,
                        headers: [.authorization: "Bearer \(adminToken)", .ifMatch: "\"1\""],
                        body: AuthFixture.json(change))
                    #expect(patch.status == .ok)
                    #expect(try await Self.liveTokens(fixture, of: user) == 0)
                    let enable = try await client.execute(
                        uri: "/users/\(user.id)", method: .patch,
                        headers: [.authorization: "Bearer \(adminToken)", .ifMatch: "\"2\""],
                        body: AuthFixture.json(["disabled": false]))
                    #expect(enable.status == .ok)
                    #expect(
                        try await client.execute(uri: "/me", method: .get, headers: .bearer(secret)).status
                            == .unauthorized)
                }
            }
        }
    }
}
