import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

extension AuthTests {
    /// The API's two groups (public, authenticated) and the pages beside them, without path
    /// exceptions.
    @Suite("Route groups")
    struct RouteGroupTests {
        @Test("probes, the OpenAPI document and login answer without credentials; other API routes are 401")
        func publicAndAuthenticated() async throws {
            try await AuthFixture.run { fixture, client in
                for (uri, method) in [
                    ("/healthz", HTTPRequest.Method.get), ("/healthz", .head), ("/readyz", .get), ("/readyz", .head),
                    ("/openapi.yaml", .get),
                ] {
                    let response = try await client.execute(uri: uri, method: method)
                    #expect(response.status == .ok, "\(method) \(uri)")
                }
                #expect(try await fixture.login(client).status == .ok)
                let me = try await client.execute(uri: "/me", method: .get)
                #expect(me.status == .unauthorized)
                #expect(me.headers[.contentType] == "application/problem+json")
                #expect(me.headers[.wwwAuthenticate] != nil)
                let unknown = try await client.execute(uri: "/no/such/route", method: .get)
                #expect(unknown.status == .notFound)
                #expect(unknown.headers[.contentType] == "application/problem+json")
            }
        }

        @Test("the pages do not run the API's authentication: a stray bearer token does not refuse the login page")
        func pagesApart() async throws {
            try await AuthFixture.run { _, client in
                let page = try await client.execute(
                    uri: "/ui/login", method: .get, headers: .bearer("not-a-token"))
                #expect(page.status == .ok)
                #expect(page.headers[.contentType] == "text/html; charset=utf-8")
                let missing = try await client.execute(uri: "/ui/no/such/page", method: .get)
                #expect(missing.status == .notFound)
                #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            }
        }

        @Test("the pages' API session cookie (path /plans/) opens the plan event stream; without it, 401")
        func eventStreamCookie() async throws {
            try await AuthFixture.run { fixture, client in
                let signIn = try await client.execute(
                    uri: "/ui/login", method: .post,
                    headers: [
                        .contentType: "application/x-www-form-urlencoded",
                        .init("X-Forwarded-For")!: fixture.client,
                    ],
                    body: ByteBuffer(
                        string: "username=\(fixture.adminUsername)&password=correct+horse+battery+staple&next=/ui/"))
                #expect(signIn.status == .seeOther)
                let cookie = try #require(
                    signIn.headers[values: .setCookie].first {
                        $0.hasPrefix("praxis_session=") && $0.contains("/plans/")
                    })
                let session = String(cookie.split(separator: ";")[0])
                let stream = "/plans/\(UUID())/events"
                #expect(
                    try await client.execute(uri: stream, method: .get, headers: [.cookie: session]).status == .notFound
                )
                #expect(try await client.execute(uri: stream, method: .get).status == .unauthorized)
            }
        }
    }
}
