import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WebApp

extension AuthTests {
    @Suite("Idempotency-Key: one effect, the same answer again, 422 for another body", .serialized)
    struct AuthIdempotencyTests {
        func newUser(_ fixture: AuthFixture, _ name: String) -> ByteBuffer {
            AuthFixture.json([
                "username": "\(name)-\(fixture.tag)", "displayName": name,
                "organizationId": fixture.organizationId.uuidString,
                "roles": [["role": "auditor"]],
            ])
        }

        func count(_ fixture: AuthFixture, _ name: String) async throws -> Int {
            try await fixture.db.query("SELECT count(*) FROM users WHERE username = \("\(name)-\(fixture.tag)")").first!
                .decode(at: 0)
        }

        @Test("a retry gets the first status and body, marked replayed; another body with the key is 422")
        func replay() async throws {
            try await AuthFixture.run { fixture, client in
                let (secret, _) = try await fixture.token(client)
                let headers: HTTPFields = [
                    .authorization: "Bearer \(secret)", .init("Idempotency-Key")!: "k-\(fixture.tag)",
                ]
                let body = newUser(fixture, "once")  // a retry sends the same bytes
                let first = try await client.execute(uri: "/users", method: .post, headers: headers, body: body)
                #expect(first.status == .created)
                let again = try await client.execute(uri: "/users", method: .post, headers: headers, body: body)
                #expect(again.status == .created)
                #expect(again.body == first.body)
                #expect(again.headers[.location] == first.headers[.location])
                #expect(again.headers[.init("Idempotent-Replayed")!] == "true")
                #expect(try await count(fixture, "once") == 1)

                let other = try await client.execute(
                    uri: "/users", method: .post, headers: headers, body: newUser(fixture, "twice"))
                #expect(other.status == .unprocessableContent)
                #expect(try AuthFixture.object(other)["type"] as? String == "/problems/idempotency-key-reused")
                #expect(try await count(fixture, "twice") == 0)

                let invalid = try await client.execute(
                    uri: "/users", method: .post,
                    headers: [
                        .authorization: "Bearer \(secret)",
                        .init("Idempotency-Key")!: String(repeating: "k", count: 300),
                    ],
                    body: newUser(fixture, "long"))
                #expect(invalid.status == .unprocessableContent)
                #expect(try AuthFixture.object(invalid)["field"] as? String == "Idempotency-Key")
            }
        }

        @Test("a key expires after 24 hours: the same key then does the work again")
        func expiry() async throws {
            try await AuthFixture.run { fixture, client in
                let expiry = ISO8601DateFormatter().string(from: fixture.clock.now.addingTimeInterval(300 * 86_400))
                let (secret, _) = try await fixture.token(client, body: ["name": "long", "expiresAt": expiry])
                let headers: HTTPFields = [
                    .authorization: "Bearer \(secret)", .init("Idempotency-Key")!: "e-\(fixture.tag)",
                ]
                let body = newUser(fixture, "expiring")
                let first = try await client.execute(uri: "/users", method: .post, headers: headers, body: body)
                #expect(first.status == .created)
                fixture.clock.advance(by: 86_401)
                let later = try await client.execute(uri: "/users", method: .post, headers: headers, body: body)
                #expect(later.status == .conflict, "done again: the username is now taken")
                #expect(later.headers[.init("Idempotent-Replayed")!] == nil)
            }
        }

        @Test("an answer holding a secret is not stored: its retry is 409 and makes no second token")
        func secretsAreNotStored() async throws {
            try await AuthFixture.run { fixture, client in
                let (secret, _) = try await fixture.token(client)
                let headers: HTTPFields = [
                    .authorization: "Bearer \(secret)", .init("Idempotency-Key")!: "t-\(fixture.tag)",
                ]
                let body = AuthFixture.json(["name": "from-ci"])
                let first = try await client.execute(uri: "/tokens", method: .post, headers: headers, body: body)
                #expect(first.status == .created)
                let created = try #require(try AuthFixture.object(first)["secret"] as? String)
                let stored = try await fixture.db.query(
                    "SELECT count(*) FROM idempotency_keys WHERE body IS NOT NULL AND position(\(created)::bytea IN body) > 0"
                )
                #expect(try stored.first!.decode(at: 0, as: Int.self) == 0)
                let retry = try await client.execute(uri: "/tokens", method: .post, headers: headers, body: body)
                #expect(retry.status == .conflict)
                #expect(try AuthFixture.object(retry)["type"] as? String == "/problems/idempotency-key-used")
                let tokens: Int = try await fixture.db.query(
                    "SELECT count(*) FROM api_tokens WHERE name = 'from-ci' AND user_id = (SELECT id FROM users WHERE username = \(fixture.adminUsername))"
                ).first!.decode(at: 0)
                #expect(tokens == 1)
            }
        }

        @Test("50 concurrent retries of one key: one user created, one audit row; the rest replay or are told to retry")
        func concurrentRetries() async throws {
            try await AuthFixture.run { fixture, client in
                let (secret, _) = try await fixture.token(client)
                let headers: HTTPFields = [
                    .authorization: "Bearer \(secret)", .init("Idempotency-Key")!: "c-\(fixture.tag)",
                ]
                let body = newUser(fixture, "crowd")
                let responses = try await withThrowingTaskGroup(of: (HTTPResponse.Status, ByteBuffer, String?).self) {
                    group in
                    for _ in 0..<50 {
                        group.addTask {
                            let response = try await client.execute(
                                uri: "/users", method: .post, headers: headers, body: body)
                            return (response.status, response.body, response.headers[.retryAfter])
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                #expect(try await count(fixture, "crowd") == 1)
                let audited: Int = try await fixture.db.query(
                    "SELECT count(*) FROM audit_log WHERE entity = 'user' AND after->>'username' = \("crowd-\(fixture.tag)")"
                ).first!.decode(at: 0)
                #expect(audited == 1)
                let created = responses.filter { $0.0 == .created }
                #expect(!created.isEmpty)
                #expect(Set(created.map { String(buffer: $0.1) }).count == 1)
                for (status, _, retryAfter) in responses where status != .created {
                    #expect(status == .conflict)
                    #expect(retryAfter == "1")
                }
            }
        }
    }
}
