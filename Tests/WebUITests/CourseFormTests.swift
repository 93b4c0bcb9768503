import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// The upskilling course form of parts, an enterprise's own trainer registered and named, and a
/// school's teacher-practice request, through the pages.
@Suite("Upskilling course pages")
struct CourseFormTests {
    @Test(
        "an enterprise registers its trainer, then asks for theory in a classroom and practice on the lathe with them")
    func enterpriseCourse() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.enterprise")
            let registered = try await client.execute(
                uri: "/ui/our-instructors", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("name", "课程测试师傅"), ("skill", "cnc.lathe"), ("expiresOn", "2027-12-31"),
                    ("cap", "16"), ("weekdays", "6"), ("from", "08:00"), ("to", "17:00"),
                ]))
            #expect(registered.status == .seeOther)
            let trainer: UUID = try await fixture.db.query(
                "SELECT id FROM instructors WHERE name = '课程测试师傅'"
            ).first!.decode("id")
            let page = String(
                buffer: try await client.execute(uri: "/ui/enterprise", method: .get, headers: session.headers).body)
            #expect(page.contains("name=\"trainer\" value=\"\(trainer.uuidString.lowercased())\""))
            #expect(page.contains("id=\"f-part2Kind\""))
            func submit(practiceCapability: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/enterprise/requests", method: .post, headers: session.form,
                    body: UIFixture.form([
                        ("csrf", session.csrf), ("kind", "upskilling"), ("course", "车工岗前培训"), ("participants", "8"),
                        ("trainingType", "preJob"), ("earliest", "2026-03-02"), ("latest", "2026-04-30"),
                        ("part1Kind", "theory"), ("part1Capability", ""), ("part1Skill", "cnc.lathe"),
                        ("part1Minutes", "120"), ("part1Sessions", "2"), ("part2Kind", "practice"),
                        ("part2Capability", practiceCapability), ("part2Skill", "cnc.lathe"), ("part2Minutes", "180"),
                        ("part2Sessions", "4"), ("trainer", trainer.uuidString.lowercased()),
                    ]))
            }
            let bad = try await submit(practiceCapability: "")
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("id=\"e-part2\""))
            #expect(try await submit(practiceCapability: "cnc.lathe").status == .seeOther)
            let stored: String = try await fixture.db.query(
                "SELECT details::text AS d FROM requests WHERE title = '车工岗前培训'"
            ).first!.decode("d")
            #expect(stored.contains("\"trainingType\": \"preJob\"") && stored.contains("\"kind\": \"theory\""))
            #expect(stored.lowercased().contains(trainer.uuidString.lowercased()))
        }
    }

    @Test("a school asks for its teachers' practice at the center on a page of its own")
    func teacherPractice() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let page = String(
                buffer: try await client.execute(
                    uri: "/ui/school/teacher-courses", method: .get, headers: session.headers
                ).body)
            #expect(page.contains("教师岗位实践") && page.contains("value=\"teacherPractice\" selected"))
            #expect(!page.contains("value=\"preJob\""))
            let made = try await client.execute(
                uri: "/ui/school/teacher-courses", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("course", "数控教师企业实践"), ("participants", "4"),
                    ("trainingType", "teacherPractice"), ("earliest", "2026-07-06"), ("latest", "2026-07-31"),
                    ("part1Kind", "practice"), ("part1Capability", "cnc.lathe"), ("part1Skill", "cnc.lathe"),
                    ("part1Minutes", "240"), ("part1Sessions", "5"),
                ]))
            #expect(made.status == .seeOther)
            let count: Int = try await fixture.db.query(
                "SELECT count(*)::int4 AS n FROM requests WHERE title = '数控教师企业实践' AND category = 'employee_upskilling'"
            ).first!.decode("n")
            #expect(count == 1)
        }
    }
}
