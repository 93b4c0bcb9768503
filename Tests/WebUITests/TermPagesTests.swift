import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Web UI terms and holidays")
struct TermPagesTests {
    @Test("a manager sees the demo's term, its weeks as dates with 清明节, and the year's holidays with make-up days")
    func pages() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let terms = String(
                buffer: try await client.execute(uri: "/ui/terms", method: .get, headers: session.headers).body)
            #expect(terms.contains("2026春季学期") && terms.contains("期末考试周"))
            let id: UUID = try await fixture.db.query("SELECT id FROM terms WHERE name = '2026春季学期'").first!.decode(
                "id")
            let weeks = String(
                buffer: try await client.execute(uri: "/ui/terms/\(id)", method: .get, headers: session.headers).body)
            #expect(weeks.contains("2026-04-06 清明节"))
            let calendar = String(
                buffer: try await client.execute(uri: "/ui/calendar?year=2026", method: .get, headers: session.headers)
                    .body)
            #expect(calendar.contains("端午节") && calendar.contains("follows_2026-05-09"))
            let refused = try await client.execute(
                uri: "/ui/terms", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("name", "2026秋季学期"), ("firstDay", "2026-09-02"), ("weeks", "18"),
                ]))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"e-firstDay\">学期须从周一开始。"))
        }
    }

    @Test("the school's form offers the term; a week outside it is named beside the weeks")
    func schoolForm() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let page = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            #expect(page.contains("id=\"f-term\"") && page.contains("2026春季学期"))
            let term: UUID = try await fixture.db.query("SELECT id FROM terms WHERE name = '2026春季学期'").first!
                .decode("id")
            let cohort: UUID = try await fixture.db.query(
                "SELECT c.id FROM cohorts c JOIN organizations o ON o.id = c.organization_id WHERE o.name = \(fixture.school) LIMIT 1"
            ).first!.decode("id")
            let refused = try await client.execute(
                uri: "/ui/school/requests", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("course", "数控车削"), ("cohort", cohort.uuidString), ("sessionsPerWeek", "1"),
                    ("term", term.uuidString), ("weeks", "15-20"), ("sessionMinutes", "180"),
                    ("capability", "cnc.lathe"), ("studentsPerStation", "2"),
                ]))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"e-weeks\">该周不在学期内。"))
        }
    }
}
