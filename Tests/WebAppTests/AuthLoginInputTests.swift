import Access
import Database
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

extension AuthTests {
    @Suite("Login input, idempotency and audit", .serialized)
    struct AuthLoginInputTests {
        @Test("a 4,000-character username is 422 naming the field, and nothing is counted or stored")
        func longUsername() async throws {
            try await AuthFixture.run { fixture, client in
                let name = String(repeating: "a", count: 4_000)
                let response = try await fixture.login(client, username: name)
                #expect(response.status == .unprocessableContent)
                #expect(response.headers[.contentType] == "application/problem+json")
                #expect(try AuthFixture.object(response)["field"] as? String == "/username")
                let long = try await fixture.login(client, password: String(repeating: "p", count: 4_000))
                #expect(long.status == .unprocessableContent)
                #expect(try AuthFixture.object(long)["field"] as? String == "/password")
                #expect(
                    try await fixture.db.query("SELECT 1 FROM login_attempts WHERE client = \(fixture.client)").isEmpty)
            }
        }

        @Test("an anonymous POST /login with an Idempotency-Key stores no idempotency row")
        func anonymousIdempotency() async throws {
            try await AuthFixture.run { fixture, client in
                let key = "login-\(fixture.tag)"
                let response = try await client.execute(
                    uri: "/login", method: .post,
                    headers: [
                        .contentType: "application/json", .init("X-Forwarded-For")!: fixture.client,
                        .init("Idempotency-Key")!: key,
                    ],
                    body: AuthFixture.json(["username": fixture.adminUsername, "password": AuthFixture.password]))
                #expect(response.status == .ok)
                #expect(try await fixture.db.query("SELECT 1 FROM idempotency_keys WHERE key = \(key)").isEmpty)
            }
        }

        @Test("successful and failed logins and logouts are in the audit trail")
        func audited() async throws {
            try await AuthFixture.run { fixture, client in
                #expect(try await fixture.login(client, password: "not the password at all").status == .unauthorized)
                #expect(try await fixture.login(client, username: "nobody-\(fixture.tag)").status == .unauthorized)
                let (cookie, csrf) = try await fixture.session(client)
                let logout = try await client.execute(
                    uri: "/logout", method: .post, headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf])
                #expect(logout.status == .noContent)
                let rows = try await fixture.db.query(
                    """
                    SELECT action, entity_id FROM audit_log
                    WHERE entity = 'user' AND action IN ('login', 'login_failed', 'logout')
                      AND (entity_id = \("nobody-\(fixture.tag)")
                           OR user_id = (SELECT id FROM users WHERE username = \(fixture.adminUsername)))
                    ORDER BY id
                    """)
                let actions = try rows.map { try $0.decode("action", as: String.self) }
                #expect(actions == ["login_failed", "login_failed", "login", "logout"])
            }
        }
    }
}
