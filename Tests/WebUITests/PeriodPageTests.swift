import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The manager's bell periods page (节次) on the demo center, in zh-CN and en.
@Suite("Web UI bell periods")
struct PeriodPageTests {
    /// The form fields of the demo's periods as the page shows them (weekday rows, then Saturday's).
    static let demoRows: [(String, String, String, String, String)] =
        [
            ("08:00", "08:45"), ("08:50", "09:35"), ("09:55", "10:40"), ("10:45", "11:30"), ("14:00", "14:45"),
            ("14:50", "15:35"), ("15:55", "16:40"), ("16:45", "17:30"), ("18:30", "19:15"), ("19:20", "20:05"),
        ].enumerated().map { ("1,2,3,4,5", "\($0 + 1)", "第\($0 + 1)节", $1.0, $1.1) }
        + [("08:30", "09:15"), ("09:25", "10:10"), ("10:20", "11:05"), ("11:15", "12:00")].enumerated().map {
            ("6", "\($0 + 1)", "第\($0 + 1)节", $1.0, $1.1)
        }

    static func fields(_ rows: [(String, String, String, String, String)]) -> [(String, String)] {
        rows.enumerated().flatMap { index, row in
            [
                ("p_\(index)_days", row.0), ("p_\(index)_number", row.1), ("p_\(index)_label", row.2),
                ("p_\(index)_start", row.3), ("p_\(index)_end", row.4),
            ]
        }
    }

    @Test(
        "the page lists the demo's periods in both languages; a period ending before it starts is named beside its field"
    )
    func page() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let zh = try await client.execute(uri: "/ui/periods", method: .get, headers: session.headers)
            #expect(zh.status == .ok)
            let html = String(buffer: zh.body)
            #expect(html.contains("<h1>节次</h1>"))
            #expect(html.contains(#"id="p_9_label" name="p_9_label" value="第10节""#))
            #expect(html.contains(#"<option value="6" selected>"#))
            #expect(html.contains(#"href="/ui/periods""#), "the navigation leads to the page")
            var english = session.headers
            english[.cookie] = session.cookie + "; praxis_lang=en"
            let en = try await client.execute(uri: "/ui/periods", method: .get, headers: english)
            #expect(String(buffer: en.body).contains("<h1>Bell periods</h1>"))
            #expect(String(buffer: en.body).contains("Mon–Fri"))

            var rows = Self.demoRows
            rows[0].4 = "07:45"
            let refused = try await client.execute(
                uri: "/ui/periods", method: .post, headers: session.form,
                body: UIFixture.form([("csrf", session.csrf), ("version", "1")] + Self.fields(rows)))
            #expect(refused.status == .unprocessableContent)
            let answer = String(buffer: refused.body)
            #expect(answer.contains(#"id="p_0_end" name="p_0_end" type="time" value="07:45" aria-invalid="true""#))
            #expect(!answer.contains(#"id="p_1_end" name="p_1_end" type="time" value="09:35" aria-invalid"#))
        }
    }
}
