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

/// The manager's inbox decides: details, dates and competitors in each row, counts that match the
/// list, and one decision for several requests, all or nothing.
@Suite("Inbox pages")
struct InboxPageTests {
    @Test("three competing requests show their dates and rivals; one bulk decision wait-lists all three")
    func bulkWaitList() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let made = try await Self.threeRequests(fixture)
            let page = String(
                buffer: try await client.execute(
                    uri: "/ui/requests?state=submitted", method: .get, headers: session.headers
                ).body)
            let rows = page.components(separatedBy: "<tr id=\"request-").count - 1
            #expect(page.contains("<strong id=\"inbox-count\">\(rows)</strong>"))
            for request in made {
                #expect(page.contains("value=\"\(request.id.uuidString.lowercased()):\(request.version)\""))
            }
            #expect(page.contains("与以下申请争用"))
            #expect(page.contains("2026年3月9日"))
            // the capability reads as the catalogue's label, not its tag
            #expect(page.contains("数控车床") && !page.contains(">cnc.lathe<"))
            func bulk(_ picks: [Domain.Request], decision: String, reason: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/requests/bulk", method: .post, headers: session.form,
                    body: UIFixture.form(
                        [
                            ("csrf", session.csrf), ("decision", decision), ("reason", reason),
                            ("filter", "state=submitted"),
                        ]
                            + picks.map { ("pick", "\($0.id.uuidString.lowercased()):\($0.version)") }))
            }
            let noReason = try await bulk(made, decision: "waitlist", reason: "")
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains("id=\"e-bulk-reason\""))
            #expect(try await Self.states(made, fixture) == ["submitted"])
            let done = try await bulk(made, decision: "waitlist", reason: "本学期车床已排满")
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == "/ui/requests?state=submitted&notice=bulkDecided")
            #expect(try await Self.states(made, fixture) == ["wait_listed"])
        }
    }

    @Test("a bulk decision one request cannot take changes none of them and says which")
    func allOrNothing() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let made = try await Self.threeRequests(fixture)
            // submitted requests cannot be approved: only a planned one can be confirmed
            let refused = try await client.execute(
                uri: "/ui/requests/bulk", method: .post, headers: session.form,
                body: UIFixture.form(
                    [("csrf", session.csrf), ("decision", "approve"), ("reason", "")]
                        + made.map { ("pick", "\($0.id.uuidString.lowercased()):\($0.version)") }))
            #expect(refused.status == .unprocessableContent)
            let html = String(buffer: refused.body)
            #expect(html.contains("id=\"e-bulk-requests\""))
            #expect(html.contains("处于该状态的申请不能作此决定"), "the refusal in the reader's language")
            #expect(html.contains("cannot become confirmed"), "with the service's sentence naming the request")
            #expect(html.contains("value=\"\(made[0].id.uuidString.lowercased()):\(made[0].version)\" id="))
            #expect(html.components(separatedBy: " checked>").count - 1 == 3)
            let stale = try await client.execute(
                uri: "/ui/requests/bulk", method: .post, headers: session.form,
                body: UIFixture.form(
                    [("csrf", session.csrf), ("decision", "reject"), ("reason", "重复申请")]
                        + made.enumerated().map {
                            (
                                "pick",
                                "\($0.element.id.uuidString.lowercased()):\($0.element.version + ($0.offset == 2 ? 7 : 0))"
                            )
                        }))
            #expect(stale.status == .unprocessableContent)
            #expect(try await Self.states(made, fixture) == ["submitted"])
        }
    }

    /// Three submitted requests of the demo school for the same capability in overlapping weeks.
    static func threeRequests(_ fixture: UIFixture) async throws -> [Domain.Request] {
        let row = try await fixture.db.query(
            """
            SELECT c.id, c.organization_id FROM cohorts c JOIN users u ON u.organization_id = c.organization_id
            WHERE u.username = 'demo.school' ORDER BY c.name LIMIT 1
            """
        ).first!
        let (cohort, organization): (UUID, UUID) = (try row.decode("id"), try row.decode("organization_id"))
        let tag = UUID().uuidString.prefix(6)
        var made: [Domain.Request] = []
        for index in 1...3 {
            made.append(
                try await RequestService(database: fixture.db).create(
                    NewRequest(
                        organizationId: organization, title: "收件箱测试 \(tag) \(index)",
                        details: .studentTraining(
                            .init(
                                cohortId: cohort, courseName: "收件箱 \(index)", sessionsPerWeek: 1, weeks: 4,
                                startDate: "2026-03-09", sessionMinutes: 90, capability: "cnc.lathe",
                                studentsPerStation: 2, instructorSkills: ["cnc.lathe"])),
                        submit: true),
                    in: fixture.centerId, as: .system))
        }
        return made
    }

    /// The distinct states of `requests` now.
    static func states(_ requests: [Domain.Request], _ fixture: UIFixture) async throws -> Set<String> {
        var states: Set<String> = []
        for request in requests {
            states.insert(
                try await fixture.db.query("SELECT state::text AS s FROM requests WHERE id = \(request.id)").first!
                    .decode("s"))
        }
        return states
    }
}
