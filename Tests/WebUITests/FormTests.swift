import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// Forms: every write goes through the services; failures keep what was typed and put the message
/// beside the field or, for a clash, in place.
@Suite("Web UI forms")
struct FormTests {
    @Test(
        "a direct booking from the timeline is made; a clash answers 409 in place keeping the form; a bad field 422 beside it"
    )
    func directBooking() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let resource: UUID = try await fixture.db.query("SELECT id FROM resources WHERE name = '多媒体教室 A'").first!
                .decode("id")
            let school: UUID = try await fixture.db.query("SELECT id FROM organizations WHERE name = '潍坊理工学院'").first!
                .decode("id")
            func book(_ title: String, _ from: String, _ to: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/timeline/book", method: .post, headers: session.form,
                    body: UIFixture.form([
                        ("csrf", session.csrf), ("resource", resource.uuidString), ("organization", school.uuidString),
                        ("category", "student_training"),
                        ("title", title), ("date", "2026-03-06"), ("from", from), ("to", to),
                    ]))
            }
            let booked = try await book("表单测试课", "08:00", "10:00")
            #expect(booked.status == .seeOther)
            #expect(
                booked.headers[.location]?.hasPrefix("/ui/timeline?week=2026-03-02&notice=booked&highlight=") == true)
            let clash = try await book("冲突测试课", "09:00", "11:00")
            #expect(clash.status == .conflict)
            let html = String(buffer: clash.body)
            #expect(html.contains("id=\"clash\""))
            #expect(html.contains("value=\"冲突测试课\""))
            #expect(html.contains("表单测试课"))
            let invalid = try await book("", "09:15", "11:00")
            #expect(invalid.status == .unprocessableContent)
            #expect(String(buffer: invalid.body).contains("id=\"e-title\">此项必填。"))
            let count: Int = try await fixture.db.query("SELECT count(*) AS n FROM bookings WHERE title LIKE '%测试课'")
                .first!.decode("n")
            #expect(count == 1)
        }
    }

    @Test(
        "the timeline's list of the week's bookings cancels one at the version shown; a stale version or a school's account is refused"
    )
    func cancelFromTimeline() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let resource: UUID = try await fixture.db.query("SELECT id FROM resources WHERE name = '多媒体教室 A'").first!
                .decode("id")
            let school: UUID = try await fixture.db.query("SELECT id FROM organizations WHERE name = '潍坊理工学院'").first!
                .decode("id")
            let booked = try await client.execute(
                uri: "/ui/timeline/book", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("resource", resource.uuidString), ("organization", school.uuidString),
                    ("category", "student_training"),
                    ("title", "取消用例"), ("date", "2026-03-05"), ("from", "14:00"), ("to", "16:00"),
                ]))
            let id = try #require(booked.headers[.location]?.split(separator: "=").last.map(String.init))
            func page(_ uri: String) async throws -> String {
                String(buffer: try await client.execute(uri: uri, method: .get, headers: session.headers).body)
            }
            // the grid links the booking to its page; the week's list also offers cancelling it
            let grid = try await page("/ui/timeline?week=2026-03-02")
            #expect(grid.contains("href=\"/ui/bookings/\(id)\"") && !grid.contains("/ui/bookings/\(id)/cancel"))
            let list = try await page("/ui/timeline?view=list&day=2026-03-04")
            #expect(list.contains("href=\"/ui/bookings/\(id)/cancel?version=1\""))
            #expect(list.contains("aria-label=\"取消预订 取消用例"))
            func cancel(
                _ headers: HTTPFields, csrf: String, version: Int, reason: String = "课程调整"
            ) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/bookings/\(id)/cancel", method: .post, headers: headers,
                    body: UIFixture.form([("csrf", csrf), ("version", "\(version)"), ("reason", reason)]))
            }
            // cancelling asks first, and for a reason
            let ask = try await page("/ui/bookings/\(id)/cancel?version=1")
            #expect(ask.contains("id=\"cancel-what\">取消用例") && ask.contains("name=\"reason\""))
            let noReason = try await cancel(session.form, csrf: session.csrf, version: 1, reason: " ")
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains("id=\"e-reason\">此项必填。"))
            let coordinator = try await fixture.signIn(client, as: "demo.school")
            #expect(try await cancel(coordinator.form, csrf: coordinator.csrf, version: 1).status == .forbidden)
            let done = try await cancel(session.form, csrf: session.csrf, version: 1)
            #expect(done.status == .seeOther)
            #expect(done.headers[.location] == "/ui/timeline?week=2026-03-02&notice=cancelled")
            let status: String = try await fixture.db.query(
                "SELECT status::text AS s FROM bookings WHERE id = \(UUID(uuidString: id)!)"
            ).first!.decode("s")
            #expect(status == "cancelled")
            let reason: String = try await fixture.db.query(
                "SELECT after->>'reason' AS r FROM audit_log WHERE entity = 'booking' AND entity_id = \(UUID(uuidString: id)!.uuidString) AND action = 'cancel'"
            ).first!.decode("r")
            #expect(reason == "课程调整")
            let again = try await cancel(session.form, csrf: session.csrf, version: 1)
            #expect(again.status.code >= 400 && again.status.code < 500)
            let after = String(
                buffer: try await client.execute(
                    uri: try #require(done.headers[.location]), method: .get, headers: session.headers
                ).body)
            #expect(!after.contains("取消用例"))
            #expect(after.contains("预订已取消"))
        }
    }

    @Test("a form without the session's CSRF token, or from another origin, is refused with 403")
    func csrf() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let missing = try await client.execute(
                uri: "/ui/planner", method: .post, headers: session.form, body: UIFixture.form([("from", "2026-03-02")])
            )
            #expect(missing.status == .forbidden)
            #expect(String(buffer: missing.body).contains("表单不是从本站页面提交的"), "why, in Chinese")
            var headers = session.form
            headers[.origin] = "http://evil.example"
            let crossSite = try await client.execute(
                uri: "/ui/planner", method: .post, headers: headers,
                body: UIFixture.form([("csrf", session.csrf), ("from", "2026-03-02")]))
            #expect(crossSite.status == .forbidden)
        }
    }

    @Test("the planner queues a run and its page follows it; bad dates are named beside the field")
    func planner() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let bad = try await client.execute(
                uri: "/ui/planner", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("from", "2026-03-08"), ("to", "2026-03-02"), ("seconds", "1"),
                ]))
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("id=\"e-to\""))
            #expect(String(buffer: bad.body).contains("value=\"2026-03-08\""))
            let unreadable = try await client.execute(
                uri: "/ui/planner", method: .post, headers: session.form,
                body: UIFixture.form([("csrf", session.csrf), ("from", "3月2日"), ("to", "2026-03-06"), ("seconds", "1")])
            )
            #expect(unreadable.status == .unprocessableContent)
            let refused = String(buffer: unreadable.body)
            #expect(refused.contains("id=\"e-from\"") && refused.contains("value=\"3月2日\""))
            let queued = try await client.execute(
                uri: "/ui/planner", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("from", "2026-03-02"), ("to", "2026-03-08"), ("seconds", "1"),
                ]))
            #expect(queued.status == .seeOther)
            let location = try #require(queued.headers[.location])
            let page = try await client.execute(uri: location, method: .get, headers: session.headers)
            #expect(page.status == .ok)
            let html = String(buffer: page.body)
            #expect(html.contains("排队中"))
            #expect(html.contains("/ui/static/planner.js"))
            #expect(html.contains("http-equiv=\"refresh\""))
            #expect(html.contains("data-events=\"/plans/"))
        }
    }

    @Test("rejecting a request asks for the reason beside the field, then records it")
    func reject() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let row = try await fixture.db.query(
                "SELECT id, version FROM requests WHERE title = '鲁信精密机械集团'::text OR title LIKE 'PLC 维护%' ORDER BY title LIMIT 1"
            ).first!
            let (id, version): (UUID, Int) = (try row.decode("id"), try row.decode("version"))
            let empty = try await client.execute(
                uri: "/ui/requests/\(id.uuidString)/reject", method: .post, headers: session.form,
                body: UIFixture.form([("csrf", session.csrf), ("version", "\(version)"), ("reason", " ")]))
            #expect(empty.status == .unprocessableContent)
            #expect(String(buffer: empty.body).contains("id=\"e-reason-\(id.uuidString.lowercased())\""))
            let rejected = try await client.execute(
                uri: "/ui/requests/\(id.uuidString)/reject", method: .post, headers: session.form,
                body: UIFixture.form([("csrf", session.csrf), ("version", "\(version)"), ("reason", "设备检修，本学期无法安排")]))
            #expect(rejected.status == .seeOther)
            let state: String = try await fixture.db.query("SELECT state::text AS s FROM requests WHERE id = \(id)")
                .first!.decode("s")
            #expect(state == "rejected")
        }
    }

    @Test("a school's term request keeps what was typed and names the bad field; a good one is submitted")
    func schoolRequest() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.school")
            let row = try await fixture.db.query(
                "SELECT c.id, c.name FROM cohorts c JOIN organizations o ON o.id = c.organization_id WHERE o.name = \(fixture.school) LIMIT 1"
            ).first!
            let (cohort, cohortName): (UUID, String) = (try row.decode("id"), try row.decode("name"))
            func submit(weeks: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/school/requests", method: .post, headers: session.form,
                    body: UIFixture.form([
                        ("csrf", session.csrf), ("course", "液压与气动实训"), ("cohort", cohort.uuidString),
                        ("sessionsPerWeek", "1"), ("weeks", weeks),
                        ("startDate", "2026-03-02"), ("sessionMinutes", "180"), ("capability", "plc"),
                        ("studentsPerStation", "2"), ("weekdays", "2"),
                    ]))
            }
            let bad = try await submit(weeks: "99")
            #expect(bad.status == .unprocessableContent)
            let html = String(buffer: bad.body)
            #expect(html.contains("id=\"e-weeks\">数值超出允许范围。"))
            #expect(html.contains("value=\"液压与气动实训\""))
            let good = try await submit(weeks: "8")
            #expect(good.status == .seeOther)
            let page = String(
                buffer: try await client.execute(uri: "/ui/school", method: .get, headers: session.headers).body)
            #expect(page.contains("\(cohortName) 液压与气动实训"))
        }
    }

    @Test("an upskilling request keeps its allowed times; a time row without weekdays is told so beside the row")
    func upskillingTimes() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.enterprise")
            let first = String(
                buffer: try await client.execute(uri: "/ui/enterprise", method: .get, headers: session.headers).body)
            #expect(first.contains("name=\"allowed1From\" type=\"time\" value=\"18:00\""))
            #expect(!first.contains("aria-invalid"), "the first look marks no field as wrong")
            func submit(_ days: [String]) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/enterprise/requests", method: .post, headers: session.form,
                    body: UIFixture.form(
                        [
                            ("csrf", session.csrf), ("kind", "upskilling"), ("course", "夜间数控培训"),
                            ("skill", "cnc.lathe"), ("participants", "10"),
                            ("totalHours", "12"), ("sessionMinutes", "180"), ("earliest", "2026-03-02"),
                            ("latest", "2026-04-30"),
                        ]
                            + days.map { ("allowed1Days", $0) } + [("allowed1From", "18:00"), ("allowed1To", "21:00")]))
            }
            let bad = try await submit([])
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("id=\"e-allowed1\""))
            #expect(
                String(buffer: bad.body).contains("name=\"allowed1From\" type=\"time\" value=\"18:00\" aria-invalid"))
            #expect(!String(buffer: bad.body).contains("name=\"allowed2From\" type=\"time\" value=\"\" aria-invalid"))
            #expect(try await submit(["2", "4"]).status == .seeOther)
            let stored: String = try await fixture.db.query(
                "SELECT details::text AS d FROM requests WHERE title = '夜间数控培训'"
            ).first!.decode("d")
            #expect(stored.contains("\"weekdays\": [2, 4]") && stored.contains("\"from\": \"18:00\""))
        }
    }

    @Test(
        "an enterprise that is not an SME is told beside the field that it cannot buy shared-course seats (the demo's are large)"
    )
    func seats() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.enterprise")
            let course: UUID = try await fixture.db.query("SELECT id FROM requests WHERE title = 'PLC 与工业网络（共享员工）'")
                .first!.decode("id")
            let response = try await client.execute(
                uri: "/ui/enterprise/courses/\(course.uuidString)/seats", method: .post, headers: session.form,
                body: UIFixture.form([
                    ("csrf", session.csrf), ("name-0", "王强"), ("number-0", "E1"), ("position-0", "电工"),
                ]))
            #expect(response.status == .unprocessableContent)
            #expect(String(buffer: response.body).contains("该单位不能提交此类申请。"))
        }
    }
}
