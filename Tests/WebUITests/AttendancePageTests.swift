import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing

/// The attendance pages on the demo's last week: the instructor's phone page, a manager's correction,
/// privacy, a class roster, and self check-in without an account.
@Suite("Web UI attendance")
struct AttendancePageTests {
    @Test(
        "the instructor's session page; a mark after the window is refused on the page; a manager corrects with a reason"
    )
    func sessionPage() async throws {
        try await UIFixture.run { fixture, client in
            let row = try #require(
                try await fixture.db.query(
                    """
                    SELECT b.id, (SELECT m.participant_id FROM attendance_marks m WHERE m.booking_id = b.id
                                  ORDER BY m.participant_id LIMIT 1) AS person
                    FROM bookings b JOIN users u ON u.username = 'demo.instructor'
                    JOIN role_grants g ON g.user_id = u.id AND g.instructor_id = b.instructor_id
                    WHERE EXISTS (SELECT 1 FROM attendance_marks m WHERE m.booking_id = b.id AND m.source <> 'correction')
                    ORDER BY lower(b.during) LIMIT 1
                    """
                ).first)
            let (id, person): (UUID, UUID) = (try row.decode("id"), try row.decode("person"))
            let teacher = try await fixture.signIn(client, as: "demo.instructor")
            let page = try await client.execute(uri: "/ui/sessions/\(id)", method: .get, headers: teacher.headers)
            let html = String(buffer: page.body)
            #expect(page.status == .ok && html.contains("id=\"marks-form\"") && html.contains("class=\"roster\""))
            #expect(!html.contains("details class=\"correction\""))  // instructors do not correct
            // the first session has no correction: no mark says it was corrected
            #expect(!html.contains("已更正") && !html.contains("corrected:"))
            let late = try await client.execute(
                uri: "/ui/sessions/\(id)/marks", method: .post, headers: teacher.form,
                body: UIFixture.form([("csrf", teacher.csrf), ("all", "present")]))
            #expect(late.status == .unprocessableContent)
            #expect(String(buffer: late.body).contains("role=\"alert\""))

            let manager = try await fixture.signIn(client, as: "demo.manager")
            let pid = person.uuidString.lowercased()
            let corrected = try await client.execute(
                uri: "/ui/sessions/\(id)/correct", method: .post, headers: manager.form,
                body: UIFixture.form([
                    ("csrf", manager.csrf), ("participant", pid), ("fix_\(pid)", "absent"), ("reason", "页面测试更正"),
                ]))
            #expect(corrected.status == .seeOther)
            let mark = try #require(
                try await fixture.db.query(
                    "SELECT mark::text AS mark, source::text AS source, reason FROM attendance_marks WHERE booking_id = \(id) AND participant_id = \(person)"
                ).first)
            #expect(try mark.decode("mark", as: String.self) == "absent")
            #expect(try mark.decode("reason", as: String.self) == "页面测试更正")

            let enterprise = try await fixture.signIn(client, as: "demo.enterprise")
            let hidden = try await client.execute(uri: "/ui/sessions/\(id)", method: .get, headers: enterprise.headers)
            #expect(hidden.status == .notFound)
        }
    }

    @Test("a school's class roster; self check-in without an account refuses an unknown code on the page")
    func rosterAndCheckIn() async throws {
        try await UIFixture.run { fixture, client in
            let cohort: UUID = try await fixture.db.query(
                """
                SELECT c.id FROM cohorts c JOIN users u ON u.organization_id = c.organization_id
                WHERE u.username = 'demo.school' AND EXISTS (SELECT 1 FROM participants p WHERE p.cohort_id = c.id)
                ORDER BY c.name LIMIT 1
                """
            ).first!.decode("id")
            let school = try await fixture.signIn(client, as: "demo.school")
            let roster = try await client.execute(
                uri: "/ui/school/classes/\(cohort)/roster", method: .get, headers: school.headers)
            #expect(roster.status == .ok && String(buffer: roster.body).contains("id=\"roster\""))
            let manager = try await fixture.signIn(client, as: "demo.manager")
            let notTheirs = try await client.execute(
                uri: "/ui/school/classes/\(cohort)/roster", method: .get, headers: manager.headers)
            #expect(notTheirs.status == .notFound)

            let form = try await client.execute(uri: "/ui/check-in", method: .get)
            #expect(form.status == .ok && String(buffer: form.body).contains("id=\"checkin-form\""))
            let refused = try await client.execute(
                uri: "/ui/check-in", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                body: UIFixture.form([("code", "000000"), ("number", "x")]))
            #expect(refused.status == .unprocessableContent)
            #expect(String(buffer: refused.body).contains("id=\"e-code\""))
        }
    }
}
