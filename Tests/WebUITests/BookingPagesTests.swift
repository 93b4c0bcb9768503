import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

/// A weekly series from the timeline's form (preview, then confirm skipping the clash), a
/// booking's page and its move form.
@Suite("Web UI booking pages")
struct BookingPagesTests {
    @Test("a weekly series is previewed week by week with its clash, then booked skipping it, as the preview showed")
    func series() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.manager")
            let resource: UUID = try await fixture.db.query("SELECT id FROM resources WHERE name = '多媒体教室 A'").first!
                .decode("id")
            let school: UUID = try await fixture.db.query("SELECT id FROM organizations WHERE name = '潍坊理工学院'").first!
                .decode("id")
            func post(
                _ path: String, _ date: String, _ title: String, _ more: [(String, String)]
            ) async throws
                -> TestResponse
            {
                try await client.execute(
                    uri: path, method: .post, headers: session.form,
                    body: UIFixture.form(
                        [
                            ("csrf", session.csrf), ("resource", resource.uuidString),
                            ("organization", school.uuidString), ("category", "student_training"), ("title", title),
                            ("date", date), ("from", "18:00"), ("to", "19:00"),
                        ] + more))
            }
            let taken = try await post("/ui/timeline/book", "2026-03-18", "系列挡路课", [])
            #expect(taken.status == .seeOther)
            let preview = try await post("/ui/booking-series", "2026-03-11", "系列用例课", [("weeks", "3")])
            #expect(preview.status == .ok)
            let html = String(buffer: preview.body)
            #expect(html.components(separatedBy: "class=\"series-").count - 1 == 3)
            #expect(html.contains("class=\"series-clash\"") && html.contains("系列挡路课"))
            let free = html.components(separatedBy: "class=\"series-booked\"").count - 1
            let confirmed = try await post(
                "/ui/booking-series", "2026-03-11", "系列用例课", [("weeks", "3"), ("onClash", "skip")])
            #expect(confirmed.status == .seeOther)
            #expect(confirmed.headers[.location] == "/ui/timeline?week=2026-03-09&notice=seriesBooked")
            let count: Int = try await fixture.db.query(
                "SELECT count(*) AS n FROM bookings WHERE title = '系列用例课' AND series_id IS NOT NULL"
            ).first!.decode("n")
            #expect(count == free && free >= 1)
            let bad = try await post("/ui/booking-series", "2026-03-11", "系列用例课", [("weeks", "0")])
            #expect(bad.status == .unprocessableContent)
        }
    }

    @Test("a booking's page offers moving it; the move form saves at the version shown and asks for a reason")
    func move() async throws {
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
                    ("category", "student_training"), ("title", "调整用例"), ("date", "2026-03-26"), ("from", "18:00"),
                    ("to", "19:00"),
                ]))
            let id = try #require(booked.headers[.location]?.split(separator: "=").last.map(String.init))
            let page = String(
                buffer: try await client.execute(uri: "/ui/bookings/\(id)", method: .get, headers: session.headers).body
            )
            #expect(page.contains("id=\"booking-title\">调整用例") && page.contains("href=\"/ui/bookings/\(id)/edit\""))
            func edit(reason: String) async throws -> TestResponse {
                try await client.execute(
                    uri: "/ui/bookings/\(id)/edit", method: .post, headers: session.form,
                    body: UIFixture.form([
                        ("csrf", session.csrf), ("version", "1"), ("resource", resource.uuidString),
                        ("title", "调整用例"), ("date", "2026-03-26"), ("from", "19:00"), ("to", "20:00"),
                        ("participants", "0"), ("reason", reason),
                    ]))
            }
            let noReason = try await edit(reason: "")
            #expect(noReason.status == .unprocessableContent)
            #expect(String(buffer: noReason.body).contains("id=\"x-reason\">此项必填。"))
            let moved = try await edit(reason: "推迟一小时")
            #expect(moved.status == .seeOther)
            #expect(moved.headers[.location] == "/ui/bookings/\(id)?notice=edited")
            let version: Int = try await fixture.db.query(
                "SELECT version::int8 AS v FROM bookings WHERE id = \(UUID(uuidString: id)!)"
            )
            .first!.decode("v")
            #expect(version == 2)
        }
    }
}
