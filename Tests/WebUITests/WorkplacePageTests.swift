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

/// The center context over HTTP: a school coordinator on a database with two centers works in the
/// center they chose in the header, sees its requests there and files new ones into it.
@Suite("Center context pages")
struct WorkplacePageTests {
    @Test("a school coordinator switches to the second center, sees its own requests there and files into it")
    func schoolInSecondCenter() async throws {
        try await UIFixture.run { fixture, client in
            let (second, username) = try await Self.secondCenter(fixture)
            let session = try await fixture.signIn(client, as: username)
            let home = String(
                buffer: try await client.execute(uri: "/ui/", method: .get, headers: session.headers).body)
            // before choosing: the first center by name (the demo's), with the second offered
            #expect(home.contains("selected>\(DemoCenter.name)</option>"))
            #expect(home.contains(">\(second.name)</option>"))
            let chosen = try await client.execute(
                uri: "/ui/workplace", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("center", second.id.uuidString), ("back", "/ui/school"),
                ]))
            #expect(chosen.status == .seeOther)
            #expect(chosen.headers[.location] == "/ui/school?notice=workplaceChosen")
            let cohort: UUID = try await fixture.db.query(
                "SELECT c.id FROM cohorts c JOIN organizations o ON o.id = c.organization_id WHERE o.name = \(fixture.school) LIMIT 1"
            ).first!.decode("id")
            let filed = try await client.execute(
                uri: "/ui/school/requests", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("course", "第二中心液压实训"), ("cohort", cohort.uuidString),
                    ("sessionsPerWeek", "1"), ("weeks", "8"), ("startDate", "2026-03-02"), ("sessionMinutes", "180"),
                    ("capability", "plc"), ("studentsPerStation", "2"), ("weekdays", "2"),
                ]))
            #expect(filed.status == .seeOther)
            let center: UUID = try await fixture.db.query(
                "SELECT center_id FROM requests WHERE details->>'courseName' = '第二中心液压实训'"
            ).first!.decode("center_id")
            #expect(center == second.id)
            let school = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            #expect(school.contains("selected>\(second.name)</option>"))
            #expect(school.contains("第二中心液压实训"))
            // the school's requests at the demo center stay there
            let demoCourses: [String] = try await fixture.db.query(
                """
                SELECT r.title FROM requests r JOIN organizations o ON o.id = r.organization_id
                WHERE o.name = \(fixture.school) AND r.center_id = \(fixture.centerId)
                """
            ).map { try $0.decode("title") }
            for title in demoCourses { #expect(!school.contains(title)) }
        }
    }

    @Test("the choice is remembered for the account, a manager's pages follow it, and an unknown center is 404")
    func remembered() async throws {
        try await UIFixture.run { fixture, client in
            let (second, username) = try await Self.secondCenter(fixture)
            let first = try await fixture.signIn(client, as: username)
            _ = try await client.execute(
                uri: "/ui/workplace", method: .post, headers: first.form,
                body: UIFixture.form([("csrf", first.csrf), ("center", second.id.uuidString), ("back", "/ui/")]))
            let again = try await fixture.signIn(client, as: username)
            let home = String(buffer: try await client.execute(uri: "/ui/", method: .get, headers: again.headers).body)
            #expect(home.contains("selected>\(second.name)</option>"))
            let unknown = try await client.execute(
                uri: "/ui/workplace", method: .post, headers: again.form,
                body: UIFixture.form([("csrf", again.csrf), ("center", UUID().uuidString), ("back", "/ui/")]))
            #expect(unknown.status == .notFound)
            let audited: Int = try await fixture.db.query(
                """
                SELECT count(*)::int AS n FROM audit_log a JOIN users u ON u.id = a.user_id
                WHERE u.username = \(username) AND a.action = 'choose_workplace'
                """
            ).first!.decode("n")
            #expect(audited == 1)
        }
    }

    @Test("the favicon answers without a session; an error page keeps the navigation and the center")
    func faviconAndErrorFrame() async throws {
        try await UIFixture.run { fixture, client in
            let icon = try await client.execute(uri: "/favicon.ico", method: .get)
            #expect(icon.status == .ok && icon.headers[.contentType] == "image/svg+xml")
            let session = try await fixture.signIn(client, as: "demo.school")
            let refused = try await client.execute(uri: "/ui/timeline", method: .get, headers: session.headers)
            #expect(refused.status == .forbidden)
            let html = String(buffer: refused.body)
            #expect(html.contains("href=\"/ui/school\"") && html.contains("id=\"workplace-center\""))
        }
    }

    /// A second center (named to sort after the demo's) with `plc` in its catalogue, and a new
    /// coordinator account of the demo school, so that other tests' `demo.school` keeps its center.
    static func secondCenter(_ fixture: UIFixture) async throws -> (Center, String) {
        let tag = UUID().uuidString.prefix(8).lowercased()
        let operatorId: UUID = try await fixture.db.query(
            "SELECT operator_id FROM centers WHERE id = \(fixture.centerId)"
        ).first!.decode("operator_id")
        let center = try await CenterService(database: fixture.db).create(
            NewCenter(name: "龘第二实践中心 \(tag)", operatorId: operatorId), as: .system)
        try await TestDatabase.catalogue(["plc"], in: center.id, on: fixture.db)
        let schoolId: UUID = try await fixture.db.query(
            "SELECT id FROM organizations WHERE name = \(fixture.school)"
        ).first!.decode("id")
        let username = "school-two-\(tag)"
        _ = try await UserService(database: fixture.db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(
                username: username, displayName: "第二中心协调员", organizationId: schoolId,
                password: UIFixture.demoPassword, roles: [RoleGrant(role: .schoolCoordinator)]), as: .system)
        return (center, username)
    }
}
