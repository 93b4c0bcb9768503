import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The school coordinator's class pages: add a class with half-days, exact times, weeks that differ and
/// travel; edit it at the version shown; refusals beside their weekday row.
@Suite("Web UI class forms")
struct ClassFormTests {
    @Test(
        "a school adds a class and edits its free times; a bad span, a stale version and another school's class are refused"
    )
    func addAndEdit() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let name = "表单班级 \(UUID().uuidString.prefix(6))"
            func post(_ uri: String, _ fields: [(String, String)]) async throws -> TestResponse {
                try await client.execute(
                    uri: uri, method: .post, headers: session.form,
                    body: UIFixture.form([("csrf", session.csrf)] + fields))
            }
            let added = try await post(
                "/ui/school/classes/new",
                [
                    ("name", name), ("size", "30"), ("travel", "20"), ("half2", "morning"), ("exact4", "13:30-17:00"),
                    ("weeks", "2026-04-20 期中 考试周\n2026-05-11 企业周 周三 14:00-17:30"),
                ])
            #expect(added.status == .seeOther)
            #expect(added.headers[.location] == "/ui/school?notice=classAdded")
            let row = try #require(
                try await fixture.db.query("SELECT id, version FROM cohorts WHERE name = \(name)").first)
            let id: UUID = try row.decode("id")
            let uri = "/ui/school/classes/\(id.uuidString.lowercased())/edit"
            let page = String(buffer: try await client.execute(uri: uri, method: .get, headers: session.headers).body)
            #expect(page.contains(#"name="half2" value="morning" aria-label="上午" checked"#))
            #expect(page.contains(#"name="exact4" type="text" value="13:30-17:00""#))
            #expect(page.contains("2026-04-20 期中 考试周\n2026-05-11 企业周 Wed 14:00-17:30"))
            #expect(page.contains(#"name="travel" type="number" value="20""#))
            let school = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            #expect(school.contains(name) && school.contains("周二 08:00–12:00, 周四 13:30–17:00"))

            let backwards = try await post(
                uri, [("version", "1"), ("name", name), ("size", "30"), ("travel", "20"), ("exact2", "11:30-08:00")])
            #expect(backwards.status == .unprocessableContent)
            #expect(
                String(buffer: backwards.body).contains(
                    #"value="11:30-08:00" placeholder="08:00-11:30" aria-label="精确时间，如 08:00-11:30 13:30-17:00" aria-invalid="true""#
                ))
            let stale = try await post(uri, [("version", "7"), ("name", name), ("size", "31"), ("anyTime", "1")])
            #expect(stale.status == .unprocessableContent)
            #expect(String(buffer: stale.body).contains("打开后已有人修改"))
            let saved = try await post(uri, [("version", "1"), ("name", name), ("size", "31"), ("anyTime", "1")])
            #expect(saved.headers[.location] == "/ui/school?notice=classChanged")
            let stored = try #require(
                try await fixture.db.query("SELECT size, version, free_any_time FROM cohorts WHERE id = \(id)").first)
            #expect(try stored.decode("size", as: Int.self) == 31 && stored.decode("version", as: Int.self) == 2)
            #expect(try stored.decode("free_any_time", as: Bool.self))

            let other: UUID = try await fixture.db.query(
                "SELECT c.id FROM cohorts c JOIN organizations o ON o.id = c.organization_id WHERE o.name <> \(fixture.school) LIMIT 1"
            ).first!.decode("id")
            let foreign = try await client.execute(
                uri: "/ui/school/classes/\(other.uuidString.lowercased())/edit", method: .get, headers: session.headers)
            #expect(foreign.status == .notFound)
        }
    }
}
