import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Catalogue pages: labels in the reader's language, pickers instead of free text")
struct CataloguePageTests {
    @Test("the manager's pages show the catalogue's labels in Chinese and in English, and offer it as checkboxes")
    func labels() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            func page(_ path: String, english: Bool = false) async throws -> String {
                let cookie = english ? "\(session.cookie); praxis_lang=en" : session.cookie
                let response = try await client.execute(uri: path, method: .get, headers: [.cookie: cookie])
                #expect(response.status == .ok, "\(path)")
                return String(buffer: response.body)
            }
            let catalogue = try await page("/ui/catalogue")
            #expect(catalogue.contains("value=\"数控车床\"") && catalogue.contains("value=\"CNC lathe\""))
            #expect(catalogue.contains("<code>cnc.lathe</code>"))
            let zh = try await page("/ui/resources")
            #expect(zh.contains(#"data-label="能力标签">数控车床</td>"#), "the list shows the label, not the tag")
            #expect(zh.contains(#"<input type="checkbox" name="capabilities" value="cnc.lathe"> 数控车床"#))
            let en = try await page("/ui/resources", english: true)
            #expect(en.contains("CNC lathe") && en.contains("Five-axis machining center"))
            let instructors = try await page("/ui/instructors", english: true)
            #expect(instructors.contains("Safety training") && instructors.contains(#"name="skills" value="plc""#))
            let link = try #require(zh.range(of: #"/ui/resources/[0-9a-f-]{36}"#, options: .regularExpression))
            let edit = try await page(String(zh[link]))
            #expect(edit.contains("resource-edit-form") && edit.contains(" checked> "))
            let center = try await page("/ui/center", english: true)
            #expect(center.contains("Closures") && center.contains("Asia/Shanghai"))
            let timeline = try await page("/ui/timeline?week=2026-03-02&capability=cnc.lathe")
            #expect(timeline.contains("数控车床 1") && !timeline.contains("焊接机器人 1"))
        }
    }

    @Test("a resource edited with a tag the catalogue lacks shows the catalogue rule beside the capabilities")
    func refusedTag() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let list = String(
                buffer: try await client.execute(uri: "/ui/resources", method: .get, headers: session.headers).body)
            let link = try #require(list.range(of: #"/ui/resources/[0-9a-f-]{36}"#, options: .regularExpression))
            let response = try await client.execute(
                uri: String(list[link]), method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("version", "1"), ("name", "临时名称"), ("seats", "1"),
                    ("capabilities", "laser.cut"),
                ]))
            #expect(response.status == .unprocessableContent)
            let html = String(buffer: response.body)
            #expect(html.contains(#"id="e-capabilities">中心的能力目录中没有这一项"#))
            #expect(html.contains("laser.cut"))
        }
    }

    @Test("the school's and the enterprise's request forms offer the catalogue as a select, by label")
    func requestForms() async throws {
        try await UIFixture.run { fixture, client in
            for (user, path, select) in [
                ("demo.school", "/ui/school", #"<select id="f-capability" name="capability" required>"#),
                // a course part's instructor skill
                ("demo.enterprise", "/ui/enterprise", #"<select id="f-part1Skill" name="part1Skill">"#),
            ] {
                let session = try await fixture.signIn(client, as: user)
                let html = String(
                    buffer: try await client.execute(uri: path, method: .get, headers: session.headers).body)
                #expect(html.contains(select), "\(path)")
                #expect(html.contains(#"<option value="welding.robot">焊接机器人</option>"#), "\(path)")
            }
        }
    }
}
