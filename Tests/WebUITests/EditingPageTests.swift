import Access
import Database
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Service
import TestSupport
import Testing

/// The editing and onboarding pages: one form each, through the use cases; refusals beside the field.
@Suite("Web UI editing and onboarding")
struct EditingPageTests {
    @Test("a manager onboards a school and sees the initial password once; a taken username is named beside its field")
    func onboarding() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let list = try await client.execute(uri: "/ui/organizations", method: .get, headers: session.headers)
            #expect(list.status == .ok && String(buffer: list.body).contains("id=\"onboard-form\""))
            let tag = UUID().uuidString.prefix(6).lowercased()
            func onboard(_ name: String, _ username: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/organizations", method: .post, headers: session.form,
                    body: UIFixture.form([
                        ("csrf", session.csrf), ("name", name), ("kind", "secondary_vocational_school"),
                        ("username", username), ("displayName", "新协调员"),
                    ]))
            }
            let made = try await onboard("页面测试学校 \(tag)", "page.\(tag)")
            #expect(made.status == .created)
            #expect(String(buffer: made.body).contains("id=\"initial-password\""))
            #expect(made.headers[.cacheControl] == "no-store")
            let taken = try await onboard("另一所学校 \(tag)", "page.\(tag)")
            #expect(taken.status == .unprocessableContent)
            #expect(String(buffer: taken.body).contains("id=\"e-username\""))
            let left: Int = try await fixture.db.query(
                "SELECT count(*)::int4 AS n FROM organizations WHERE name = \("另一所学校 \(tag)")"
            ).first!.decode("n")
            #expect(left == 0)
        }
    }

    @Test("a school coordinator edits a submitted request from the school page; a bad field stays beside it")
    func requestEdit() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let tag = UUID().uuidString.prefix(6)
            let cohort: (UUID, UUID) = try await {
                let row = try await fixture.db.query(
                    """
                    SELECT c.id, c.organization_id FROM cohorts c JOIN users u ON u.organization_id = c.organization_id
                    WHERE u.username = 'demo.school' ORDER BY c.name LIMIT 1
                    """
                ).first!
                return (try row.decode("id"), try row.decode("organization_id"))
            }()
            let created = try await RequestService(database: fixture.db).create(
                NewRequest(
                    organizationId: cohort.1, title: "待编辑的申请 \(tag)",
                    details: .studentTraining(
                        .init(
                            cohortId: cohort.0, courseName: "页面测试", sessionsPerWeek: 1, weeks: 4,
                            startDate: "2026-03-09", sessionMinutes: 90, capability: "cnc.lathe", studentsPerStation: 2,
                            instructorSkills: ["cnc.lathe"])),
                    submit: true),
                in: fixture.centerId, as: .system)
            let path = "/ui/requests/\(created.id.uuidString.lowercased())"
            let school = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            #expect(school.contains(path))
            let page = String(buffer: try await client.execute(uri: path, method: .get, headers: session.headers).body)
            #expect(page.contains("id=\"request-edit-form\"") && page.contains("name=\"details.weeks\""))
            let version = try #require(
                page.range(of: #"name="version" value="[0-9]+""#, options: .regularExpression).map {
                    String(page[$0].split(separator: "\"")[3])
                })
            func save(weeks: String) async throws -> TestResponse {
                try await client.execute(
                    uri: path, method: .post, headers: session.form,
                    body: UIFixture.form([
                        ("csrf", session.csrf), ("version", version), ("title", "页面编辑的申请 \(tag)"), ("field", "weeks"),
                        ("details.weeks", weeks),
                    ]))
            }
            let bad = try await save(weeks: "99")
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("id=\"e-weeks\""))
            let saved = try await save(weeks: "12")
            #expect(saved.status == .seeOther)
            let title: String = try await fixture.db.query("SELECT title FROM requests WHERE id = \(created.id)").first!
                .decode("title")
            #expect(title == "页面编辑的申请 \(tag)")
        }
    }
}
