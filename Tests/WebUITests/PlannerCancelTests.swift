import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Cancelling a planner run from its page")
struct PlannerCancelTests {
    @Test("a queued run's page has a cancel button; pressing it cancels the run, which then shows cancelled")
    func cancel() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let queued = try await client.execute(
                uri: "/ui/planner", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("from", "2026-03-09"), ("to", "2026-03-13"), ("seconds", "1"),
                ]))
            #expect(queued.status == .seeOther)
            let location = try #require(queued.headers[.location]?.split(separator: "?").first.map(String.init))
            let page = String(
                buffer: try await client.execute(uri: location, method: .get, headers: session.headers).body)
            #expect(page.contains("action=\"\(location)/cancel\""))
            #expect(page.contains("取消这次排课"))
            let english = try await client.execute(
                uri: location, method: .get, headers: [.cookie: "\(session.cookie); praxis_lang=en"])
            #expect(String(buffer: english.body).contains("Cancel the run"))

            let cancelled = try await client.execute(
                uri: "\(location)/cancel", method: .post, headers: session.form,
                body: UIFixture.form([("csrf", session.csrf)]))
            #expect(cancelled.status == .seeOther)
            #expect(cancelled.headers[.location]?.hasSuffix("notice=planCancelled") == true)
            let after = String(
                buffer: try await client.execute(uri: location, method: .get, headers: session.headers).body)
            #expect(after.contains("已取消"))
            #expect(!after.contains("action=\"\(location)/cancel\""))
        }
    }
}
