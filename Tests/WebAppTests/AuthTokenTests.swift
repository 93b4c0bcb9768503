import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WebApp

extension AuthTests {
    @Suite("API tokens: shown once, used, expired, revoked at once, narrowed, rate-limited", .serialized)
    struct AuthTokenTests {
        @Test("a token works until it expires; a revoked one fails on the very next request")
        func lifeCycle() async throws {
            try await AuthFixture.run { fixture, client in
                let expiry = ISO8601DateFormatter().string(from: fixture.clock.now.addingTimeInterval(3600))
                let (secret, id) = try await fixture.token(client, body: ["name": "ci", "expiresAt": expiry])
                #expect(secret.hasPrefix("pxt_"))
                let me = try await client.execute(uri: "/me", method: .get, headers: .bearer(secret))
                #expect(me.status == .ok)
                #expect(try AuthFixture.object(me)["tokenId"] as? String == id)
                let stored: Int = try await fixture.db.query(
                    "SELECT count(*) FROM api_tokens WHERE id = \(UUID(uuidString: id)!) AND position(\(secret) IN encode(secret_hash, 'escape')) = 0"
                ).first!.decode(at: 0)
                #expect(stored == 1, "the database keeps a hash, not the token")

                let listed = try await client.execute(uri: "/tokens", method: .get, headers: .bearer(secret))
                #expect(listed.status == .ok)
                #expect(!String(buffer: listed.body).contains(secret))

                fixture.clock.advance(by: 3601)
                let expired = try await client.execute(uri: "/me", method: .get, headers: .bearer(secret))
                #expect(expired.status == .unauthorized)
                #expect(expired.headers[.wwwAuthenticate] == "Bearer realm=\"praxis\"")
                #expect(expired.headers[.contentType] == "application/problem+json")

                let (second, secondId) = try await fixture.token(client, body: ["name": "deploy"])
                #expect(try await client.execute(uri: "/me", method: .get, headers: .bearer(second)).status == .ok)
                let revoked = try await client.execute(
                    uri: "/tokens/\(secondId)", method: .delete, headers: .bearer(second))
                #expect(revoked.status == .ok)
                #expect(try AuthFixture.object(revoked)["revokedAt"] != nil)
                #expect(
                    try await client.execute(uri: "/me", method: .get, headers: .bearer(second)).status == .unauthorized
                )
            }
        }

        @Test("garbage, unknown and malformed credentials are 401 problem+json")
        func badCredentials() async throws {
            try await AuthFixture.run { _, client in
                for header in ["Bearer pxt_nonsense", "Basic YWRtaW46YWRtaW4=", "Bearer"] {
                    let response = try await client.execute(uri: "/me", method: .get, headers: [.authorization: header])
                    #expect(response.status == .unauthorized, "\(header)")
                    #expect(try AuthFixture.object(response)["type"] as? String == "/problems/unauthenticated")
                }
                #expect(try await client.execute(uri: "/me", method: .get).status == .unauthorized)
            }
        }

        @Test("a token narrowed to one role brings only that role, and cannot mint a broader token")
        func narrowed() async throws {
            try await AuthFixture.run { fixture, client in
                let user = try await fixture.addUser(
                    "both", roles: [RoleGrant(role: .admin), RoleGrant(role: .auditor)])
                let (secret, _) = try await fixture.token(
                    client, username: user.username, body: ["name": "read-only", "role": "auditor"])
                let me = try AuthFixture.object(
                    try await client.execute(uri: "/me", method: .get, headers: .bearer(secret)))
                let roles = try #require(me["rolesInForce"] as? [[String: Any]])
                #expect(roles.map { $0["role"] as? String } == ["auditor"])
                let create = try await client.execute(
                    uri: "/users", method: .post, headers: .bearer(secret),
                    body: AuthFixture.json([
                        "username": "x-\(fixture.tag)", "displayName": "x",
                        "organizationId": fixture.organizationId.uuidString, "roles": [],
                    ]))
                #expect(create.status == .forbidden)
                let broader = try await client.execute(
                    uri: "/tokens", method: .post, headers: .bearer(secret), body: AuthFixture.json(["name": "all"]))
                #expect(broader.status == .unprocessableContent)
                #expect(try AuthFixture.object(broader)["field"] as? String == "/role")
                let notHeld = try await client.execute(
                    uri: "/tokens", method: .post, headers: .bearer(secret),
                    body: AuthFixture.json(["name": "x", "role": "instructor"]))
                #expect(notHeld.status == .unprocessableContent)
            }
        }

        @Test(
            "another user's token is 404 to revoke (403 for an auditor, who sees it); a bad expiry is 422 naming the field"
        )
        func ownership() async throws {
            try await AuthFixture.run { fixture, client in
                let (_, adminToken) = try await fixture.token(client)
                let other = try await fixture.addUser("someone", roles: [])
                let (otherSecret, _) = try await fixture.token(client, username: other.username)
                let response = try await client.execute(
                    uri: "/tokens/\(adminToken)", method: .delete, headers: .bearer(otherSecret))
                #expect(response.status == .notFound)
                let auditor = try await fixture.addUser("auditor", roles: [RoleGrant(role: .auditor)])
                let (auditorSecret, _) = try await fixture.token(client, username: auditor.username)
                let seen = try await client.execute(
                    uri: "/tokens/\(adminToken)", method: .delete, headers: .bearer(auditorSecret))
                #expect(seen.status == .forbidden)
                let past = try await client.execute(
                    uri: "/tokens", method: .post, headers: .bearer(otherSecret),
                    body: AuthFixture.json(["name": "x", "expiresAt": "2001-01-01T00:00:00Z"]))
                #expect(past.status == .unprocessableContent)
                #expect(try AuthFixture.object(past)["field"] as? String == "/expiresAt")
            }
        }

        @Test("a token past its rate gets 429 with Retry-After until the minute is over")
        func rateLimit() async throws {
            try await AuthFixture.run({ $0.tokenRequestsPerMinute = 3 }) { fixture, client in
                let (secret, _) = try await fixture.token(client)
                for _ in 0..<3 {
                    #expect(try await client.execute(uri: "/me", method: .get, headers: .bearer(secret)).status == .ok)
                }
                let limited = try await client.execute(uri: "/me", method: .get, headers: .bearer(secret))
                #expect(limited.status == .tooManyRequests)
                #expect(limited.headers[.retryAfter] == "60")
                fixture.clock.advance(by: 60)
                #expect(try await client.execute(uri: "/me", method: .get, headers: .bearer(secret)).status == .ok)
            }
        }

        @Test("two processes on one database count a token's requests against one limit")
        func rateLimitAcrossProcesses() async throws {
            let limit: @Sendable (inout SecurityConfiguration) -> Void = { $0.tokenRequestsPerMinute = 4 }
            try await AuthFixture.run(limit) { fixture, first in
                let (secret, _) = try await fixture.token(first)
                try await fixture.process(limit) { second in
                    for client in [first, second, first, second] {
                        #expect(
                            try await client.execute(uri: "/me", method: .get, headers: .bearer(secret)).status == .ok)
                    }
                    for client in [first, second] {
                        let limited = try await client.execute(uri: "/me", method: .get, headers: .bearer(secret))
                        #expect(limited.status == .tooManyRequests)
                    }
                    fixture.clock.advance(by: 60)
                    #expect(try await second.execute(uri: "/me", method: .get, headers: .bearer(secret)).status == .ok)
                }
            }
        }
    }
}
