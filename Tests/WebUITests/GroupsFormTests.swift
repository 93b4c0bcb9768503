import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The school's form: groups and two teachers (分组 / 双师)")
struct GroupsFormTests {
    @Test(
        "the form offers groups, a mentor and the ratio in zh-CN and en; a group larger than its class is named beside its field; a good one is submitted with its groups"
    )
    func groupsForm() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let zh = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            #expect(zh.contains("分组与双师") && zh.contains("id=\"f-groupSplit\"") && zh.contains("企业导师所需技能（双师）"))
            let en = String(
                buffer: try await client.execute(
                    uri: "/ui/school", method: .get, headers: [.cookie: "\(session.cookie); praxis_lang=en"]
                ).body)
            #expect(en.contains("Groups and teachers") && en.contains("At most students per instructor"))
            let cohort: UUID = try await fixture.db.query(
                "SELECT c.id FROM cohorts c JOIN organizations o ON o.id = c.organization_id WHERE o.name = \(fixture.school) LIMIT 1"
            ).first!.decode("id")
            func submit(groupSize: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/school/requests", method: .post, headers: session.form,
                    body: UIFixture.form([
                        ("csrf", session.csrf), ("course", "钳工分组实训"), ("cohort", cohort.uuidString),
                        ("sessionsPerWeek", "1"), ("weeks", "8"), ("startDate", "2026-03-02"),
                        ("sessionMinutes", "180"), ("capability", "plc"), ("studentsPerStation", "2"),
                        ("groupSplit", "size"), ("groupNumber", groupSize), ("groupMode", "parallel"),
                        ("groupTogether", "on"), ("mentorSkills", "plc"), ("studentsPerInstructor", "12"),
                    ]))
            }
            let bad = try await submit(groupSize: "999")
            #expect(bad.status == .unprocessableContent)
            let html = String(buffer: bad.body)
            #expect(html.contains("id=\"e-groupNumber\">每组人数不能多于班级人数。"))
            #expect(html.contains("value=\"size\" selected"))
            let good = try await submit(groupSize: "20")
            #expect(good.status == .seeOther)
            let stored: String = try await fixture.db.query(
                "SELECT details->'groups'->>'groupSize' AS size FROM requests WHERE details->>'courseName' = '钳工分组实训'"
            ).first!.decode("size")
            #expect(stored == "20")
        }
    }

    @Test(
        "a rotation's stations are picked in order and a session may be given in bell periods: both stored as picked"
    )
    func rotationAndPeriods() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let page = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            #expect(page.contains("id=\"f-sessionPeriods\"") && page.contains("<select name=\"rotation\">"))
            let cohort: UUID = try await fixture.db.query(
                "SELECT c.id FROM cohorts c JOIN organizations o ON o.id = c.organization_id WHERE o.name = \(fixture.school) LIMIT 1"
            ).first!.decode("id")
            let response = try await client.execute(
                uri: "/ui/school/requests", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("course", "钳工轮换实训"), ("cohort", cohort.uuidString),
                    ("sessionsPerWeek", "1"), ("weeks", "8"), ("startDate", "2026-03-02"),
                    ("sessionMinutes", "180"), ("sessionPeriods", "4"), ("capability", "fitting.bench"),
                    ("studentsPerStation", "2"), ("groupSplit", "count"), ("groupNumber", "2"),
                    ("groupMode", "rotation"), ("rotation", "fitting.bench"), ("rotation", ""),
                    ("rotation", "cnc.lathe"), ("rotation", ""),
                ]))
            #expect(response.status == .seeOther)
            let row = try await fixture.db.query(
                """
                SELECT details->'groups'->'rotation' AS rotation, details->>'sessionPeriods' AS periods,
                       details ? 'sessionMinutes' AS minutes
                FROM requests WHERE details->>'courseName' = '钳工轮换实训'
                """
            ).first!
            #expect(try row.decode("rotation", as: String.self) == #"["fitting.bench", "cnc.lathe"]"#)
            #expect(try row.decode("periods", as: String.self) == "4")
            #expect(try row.decode("minutes", as: Bool.self) == false)
        }
    }
}
