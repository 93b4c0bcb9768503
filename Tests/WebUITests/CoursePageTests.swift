import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Shared-course pages")
struct CoursePageTests {
    @Test(
        "a college's coordinator sees the courses it offers with their dates, and is refused a bad minimum beside the field"
    )
    func offerPage() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let page = try await client.execute(uri: "/ui/courses/offer", method: .get, headers: session.headers)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("工业机器人运维（共享员工）") && html.contains("09:00–12:00 · 工业机器人工作站"))
            let refused = try await client.execute(
                uri: "/ui/courses/offer", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("title", "数控编程共享课"), ("skill", "cnc.lathe"), ("capacity", "10"),
                    ("minEnrolment", "12"), ("decisionDate", "2031-01-15"), ("sessions", "4"),
                    ("sessionMinutes", "180"),
                ]))
            #expect(refused.status == .unprocessableContent)
            #expect(
                String(buffer: refused.body).contains(
                    "id=\"f-minEnrolment\" name=\"minEnrolment\" type=\"number\" value=\"12\" required aria-invalid=\"true\""
                ))
            let none: Int = try await fixture.db.query("SELECT count(*) AS n FROM requests WHERE title = '数控编程共享课'")
                .first!.decode("n")
            #expect(none == 0)
        }
    }

    @Test("an SME buys two named seats on a dated course from the catalogue; blank rows are not seats")
    func namedSeats() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.sme")
            let catalogue = try await client.execute(
                uri: "/ui/enterprise/courses", method: .get, headers: session.headers)
            #expect(String(buffer: catalogue.body).contains("09:00–12:00 · 工业机器人工作站"))
            let course: UUID = try await fixture.db.query(
                "SELECT id FROM requests WHERE title = '工业机器人运维（共享员工）'"
            ).first!.decode("id")
            let bought = try await client.execute(
                uri: "/ui/enterprise/courses/\(course.uuidString)/seats", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("name-0", "王强"), ("number-0", "UI1001"), ("position-0", "电工"),
                    ("name-1", "李娜"), ("number-1", "UI1002"), ("position-1", "设备员"), ("name-2", ""),
                ]))
            #expect(bought.status == .seeOther)
            let named: [String] = try await fixture.db.query(
                "SELECT name || ':' || position AS n FROM participants WHERE person_number LIKE 'UI10%' ORDER BY person_number"
            ).map { try $0.decode("n") }
            #expect(named == ["王强:电工", "李娜:设备员"])
        }
    }
}
