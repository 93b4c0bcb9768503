import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import WebApp

extension AuthTests {
    @Suite("Browser sessions: cookie flags, CSRF, logout, login throttling", .serialized)
    struct AuthSessionTests {
        @Test("login sets an HttpOnly SameSite=Strict cookie; Secure only when configured for TLS")
        func cookieFlags() async throws {
            try await AuthFixture.run { fixture, client in
                let response = try await fixture.login(client)
                #expect(response.status == .ok)
                #expect(response.headers[.cacheControl] == "no-store")
                let cookie = try #require(response.headers[.setCookie])
                #expect(cookie.hasPrefix("praxis_session="))
                #expect(cookie.contains("HttpOnly"))
                #expect(cookie.contains("SameSite=Strict"))
                #expect(!cookie.contains("Secure"))
            }
            try await AuthFixture.run({ $0.secureCookies = true }) { fixture, client in
                let cookie = try await fixture.login(client).headers[.setCookie]
                #expect(cookie?.contains("Secure") == true)
            }
        }

        @Test("cookie requests that change state need the CSRF token; reads do not; logout ends the session")
        func csrf() async throws {
            try await AuthFixture.run { fixture, client in
                let (cookie, csrf) = try await fixture.session(client)
                let me = try await client.execute(uri: "/me", method: .get, headers: [.cookie: cookie])
                #expect(me.status == .ok)
                #expect(try AuthFixture.object(me)["csrfToken"] as? String == csrf)

                let body = AuthFixture.json(["name": "x"])
                let missing = try await client.execute(
                    uri: "/tokens", method: .post, headers: [.cookie: cookie], body: body)
                #expect(missing.status == .forbidden)
                #expect(try AuthFixture.object(missing)["type"] as? String == "/problems/csrf")
                let wrong = try await client.execute(
                    uri: "/tokens", method: .post, headers: [.cookie: cookie, .init("X-CSRF-Token")!: "nope"],
                    body: body)
                #expect(wrong.status == .forbidden)
                #expect(
                    try await fixture.db.query(
                        "SELECT 1 FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = \(fixture.adminUsername)"
                    ).isEmpty)
                let right = try await client.execute(
                    uri: "/tokens", method: .post, headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf], body: body)
                #expect(right.status == .created)

                let logout = try await client.execute(
                    uri: "/logout", method: .post, headers: [.cookie: cookie, .init("X-CSRF-Token")!: csrf])
                #expect(logout.status == .noContent)
                #expect(logout.headers[.setCookie]?.contains("Max-Age=0") == true)
                #expect(
                    try await client.execute(uri: "/me", method: .get, headers: [.cookie: cookie]).status
                        == .unauthorized)
            }
        }

        @Test("a wrong password and an unknown user get the same 401; login needs JSON")
        func wrongCredentials() async throws {
            try await AuthFixture.run { fixture, client in
                let wrong = try await fixture.login(client, password: "not the password at all")
                let unknown = try await fixture.login(client, username: "nobody-\(fixture.tag)")
                #expect(wrong.status == .unauthorized)
                #expect(unknown.status == .unauthorized)
                #expect(
                    try AuthFixture.object(wrong)["detail"] as? String
                        == (try AuthFixture.object(unknown)["detail"] as? String))
                let form = try await client.execute(
                    uri: "/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                    body: ByteBuffer(string: "username=a&password=b"))
                #expect(form.status == .unsupportedMediaType)
            }
        }

        @Test("five failures for a username answer 429 with Retry-After until the window has passed")
        func throttleUsername() async throws {
            try await AuthFixture.run { fixture, client in
                for _ in 0..<5 {
                    #expect(try await fixture.login(client, password: "wrong password, again").status == .unauthorized)
                }
                let throttled = try await fixture.login(client)
                #expect(throttled.status == .tooManyRequests)
                #expect(throttled.headers[.retryAfter] == "900")
                #expect(try AuthFixture.object(throttled)["type"] as? String == "/problems/too-many-requests")
                fixture.clock.advance(by: 600)
                #expect(try await fixture.login(client).headers[.retryAfter] == "300")
                fixture.clock.advance(by: 300)
                #expect(try await fixture.login(client).status == .ok)
            }
        }

        @Test("too many logins from one address answer 429 there, not elsewhere")
        func throttleClient() async throws {
            let throttle = LoginThrottle(maxFailures: 100, maxAttemptsPerClient: 3, window: 60)
            try await AuthFixture.run({ $0.loginThrottle = throttle }) { fixture, client in
                for _ in 0..<3 { #expect(try await fixture.login(client).status == .ok) }
                #expect(try await fixture.login(client).status == .tooManyRequests)
                let elsewhere = try await client.execute(
                    uri: "/login", method: .post,
                    headers: [
                        .contentType: "application/json",
                        .init("X-Forwarded-For")!: "192.0.2.\(Int.random(in: 1...254))",
                    ],
                    body: AuthFixture.json(["username": fixture.adminUsername, "password": AuthFixture.password]))
                #expect(elsewhere.status == .ok)
            }
        }

        @Test("disabling an account ends its sessions and tokens at once")
        func disable() async throws {
            try await AuthFixture.run { fixture, client in
                let user = try await fixture.addUser("leaver", roles: [RoleGrant(role: .auditor)])
                let (secret, _) = try await fixture.token(client, username: user.username)
                let (cookie, _) = try await fixture.session(client, username: user.username)
                let (adminToken, _) = try await fixture.token(client)
                let patch = try await client.execute(
                    uri: "/users/\(user.id)", method: .patch,
                    headers: [.authorization: "Bearer \(adminToken)", .ifMatch: "\"1\""],
                    body: AuthFixture.json(["disabled": true]))
                #expect(patch.status == .ok)
                #expect(patch.headers[.eTag] == "\"2\"")
                #expect(
                    try await client.execute(uri: "/me", method: .get, headers: .bearer(secret)).status == .unauthorized
                )
                #expect(
                    try await client.execute(uri: "/me", method: .get, headers: [.cookie: cookie]).status
                        == .unauthorized)
                #expect(try await fixture.login(client, username: user.username).status == .unauthorized)
            }
        }
    }
}
