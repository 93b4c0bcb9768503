import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The header's navigation")
struct NavigationMenuTests {
    /// Every destination a manager had as a plain link before the menus.
    static let managerDestinations = [
        "/ui/", "/ui/timeline", "/ui/planner", "/ui/requests", "/ui/resources", "/ui/instructors", "/ui/policy",
        "/ui/quotas", "/ui/catalogue", "/ui/center", "/ui/terms", "/ui/calendar", "/ui/periods", "/ui/organizations",
        "/ui/no-shows", "/ui/imports", "/ui/feeds",
    ]

    @Test("a manager's links are grouped into menus in both languages, every destination still in the header")
    func managerMenus() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            for (language, menus) in [
                ("zh-CN", ["排课", "预约", "设置", "人员与单位"]), ("en", ["Plan", "Bookings", "Setup", "People"]),
            ] {
                let html = String(
                    buffer: try await client.execute(
                        uri: "/ui/catalogue", method: .get,
                        headers: [.cookie: "\(session.cookie); praxis_lang=\(language)"]
                    ).body)
                let header = String(html[..<(html.range(of: "</header>")?.lowerBound ?? html.endIndex)])
                for menu in menus { #expect(header.contains("<summary>\(menu)</summary>"), "\(language) \(menu)") }
                for path in Self.managerDestinations {
                    #expect(header.contains("href=\"\(path)\""), "\(language): \(path) is no longer reachable")
                }
                #expect(header.contains("<li class=\"menu current\"><details><summary>\(menus[2])</summary>"))
                #expect(header.contains("href=\"/ui/catalogue\" aria-current=\"page\""))
            }
        }
    }

    @Test("a school coordinator's few links stay plain links")
    func plainLinks() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let html = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            #expect(!html.contains("<summary>"))
            #expect(html.contains("href=\"/ui/imports\""))
        }
    }

    @Test("a manager's notice of a request opens the request in the inbox, not the requester's edit page")
    func noticeOpensInbox() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let html = String(
                buffer: try await client.execute(uri: "/ui/notices", method: .get, headers: session.headers).body)
            #expect(html.contains("href=\"/ui/requests#request-"))
            #expect(!html.contains("href=\"/ui/requests/"))
        }
    }
}
