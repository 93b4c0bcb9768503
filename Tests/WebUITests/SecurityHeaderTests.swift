import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The security header fields of HTML answers (pages, error pages, redirects, static files) and
/// of API answers, and pages that keep to the Content-Security-Policy.
@Suite("Security headers")
struct SecurityHeaderTests {
    static let csp = HTTPField.Name("Content-Security-Policy")!
    static let noSniff = HTTPField.Name("X-Content-Type-Options")!
    static let referrer = HTTPField.Name("Referrer-Policy")!
    static let frames = HTTPField.Name("X-Frame-Options")!

    /// Expects the HTML security fields on `response`.
    static func expectHTMLHeaders(_ response: TestResponse, _ what: Comment) {
        let policy = response.headers[csp] ?? ""
        #expect(policy.contains("script-src 'self'"), what)
        #expect(policy.contains("style-src 'self'"), what)
        #expect(policy.contains("frame-ancestors 'none'"), what)
        #expect(!policy.contains("unsafe-inline"), what)
        #expect(response.headers[noSniff] == "nosniff", what)
        #expect(response.headers[referrer] == "same-origin", what)
        #expect(response.headers[frames] == "DENY", what)
    }

    @Test("pages, error pages, redirects to the login page and static files carry the HTML security headers")
    func html() async throws {
        try await UIFixture.run { fixture, client in
            let login = try await client.execute(uri: "/ui/login", method: .get)
            #expect(login.status == .ok)
            Self.expectHTMLHeaders(login, "login page")
            let redirect = try await client.execute(uri: "/ui/timeline", method: .get)
            #expect(redirect.status == .seeOther)
            Self.expectHTMLHeaders(redirect, "redirect to the login page")
            let root = try await client.execute(uri: "/", method: .get)
            #expect(root.status == .seeOther)
            Self.expectHTMLHeaders(root, "redirect from /")
            let missing = try await client.execute(uri: "/ui/nowhere", method: .get)
            #expect(missing.status == .notFound)
            #expect(missing.headers[.contentType] == "text/html; charset=utf-8")
            Self.expectHTMLHeaders(missing, "error page")
            let session = try await fixture.signIn(client, as: "demo.school")
            let forbidden = try await client.execute(uri: "/ui/timeline", method: .get, headers: session.headers)
            #expect(forbidden.status == .forbidden)
            Self.expectHTMLHeaders(forbidden, "403 page")
            let css = try await client.execute(uri: "/ui/static/app.css", method: .get)
            #expect(css.status == .ok)
            Self.expectHTMLHeaders(css, "static file")
        }
    }

    @Test("API answers, problems included, are nosniff without the pages' policy")
    func api() async throws {
        try await UIFixture.run { _, client in
            let health = try await client.execute(uri: "/healthz", method: .get)
            #expect(health.headers[Self.noSniff] == "nosniff")
            #expect(health.headers[Self.csp] == nil)
            let refused = try await client.execute(uri: "/me", method: .get)
            #expect(refused.status == .unauthorized)
            #expect(refused.headers[Self.noSniff] == "nosniff")
            let unknown = try await client.execute(uri: "/no/such/route", method: .get)
            #expect(unknown.headers[Self.noSniff] == "nosniff")
        }
    }

    @Test("the timeline has no inline script, handler or style attribute: blocks carry their place in data-place")
    func timelineKeepsToThePolicy() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let page = try await client.execute(
                uri: "/ui/timeline?week=2026-03-02", method: .get, headers: session.headers)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("data-place=\"left:"))
            #expect(html.range(of: #"\sstyle="#, options: .regularExpression) == nil)
            #expect(html.range(of: #"\son[a-z]+="#, options: .regularExpression) == nil)
            #expect(html.range(of: #"<script(?![^>]*\ssrc=)"#, options: .regularExpression) == nil)
        }
    }
}
