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

            let again = try await client.execute(
                uri: "\(location)/cancel", method: .post, headers: session.form,
                body: UIFixture.form([("csrf", session.csrf)]))
            #expect(again.status == .conflict)
            let refusal = String(buffer: again.body)
            #expect(refusal.contains("该次排课的状态不允许此操作"), "the refusal in the reader's language")
            #expect(refusal.contains("only a queued or running plan can be cancelled"), "and the service's sentence")
        }
    }

    @Test(
        "a conflict no form catches: the error page says its rule in the reader's language, the service's sentence under it when it differs"
    )
    func errorPage() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let closure = UIFixture.form([
                ("csrf", session.csrf), ("from", "2026-06-15"), ("to", "2026-06-15"), ("reason", "设备检修"),
            ])
            let added = try await client.execute(
                uri: "/ui/center/closures", method: .post, headers: session.form, body: closure)
            #expect(added.status == .seeOther)
            for (language, reason) in [
                ("zh-CN", "中心在其中某些日期已经闭馆。"), ("en", "The center is already closed on some of those days."),
            ] {
                var headers = session.form
                headers[.cookie] = "\(session.cookie); praxis_lang=\(language)"
                let again = try await client.execute(
                    uri: "/ui/center/closures", method: .post, headers: headers, body: closure)
                #expect(again.status == .conflict)
                let page = String(buffer: again.body)
                #expect(page.contains("<p>\(reason)</p>"), "\(language): the rule's sentence")
                #expect(
                    page.contains("<small lang=\"en\">The center is already closed") == (language == "zh-CN"),
                    "\(language): the service's own sentence, unless it is the rule's word for word")
            }
        }
    }
}
