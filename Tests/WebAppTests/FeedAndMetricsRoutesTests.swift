import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Feed and metrics routes")
struct FeedAndMetricsRoutesTests {
    static let metricsToken = "metrics-token-for-the-tests"

    /// Next week's Monday at `hour` in Shanghai, as the API takes it: inside every feed's window.
    static func nextWeek(_ hour: Int) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let monday = calendar.nextDate(
            after: Date().addingTimeInterval(7 * 86_400), matching: DateComponents(weekday: 2),
            matchingPolicy: .nextTime)!
        let c = calendar.dateComponents([.year, .month, .day], from: monday)
        return String(format: "%04d-%02d-%02dT%02d:00:00+08:00", c.year!, c.month!, c.day!, hour)
    }

    /// The value of the sample `series` (name and labels as written) in a scrape; 0 when absent.
    static func sample(_ series: String, in scrape: String) -> Double {
        scrape.split(separator: "\n").first { $0.hasPrefix(series + " ") }
            .flatMap { Double($0.split(separator: " ").last ?? "") } ?? 0
    }

    func scrape(_ client: any TestClientProtocol) async throws -> String {
        let response = try await client.execute(
            uri: "/metrics", method: .get, headers: [.authorization: "Bearer \(Self.metricsToken)"])
        #expect(response.status == .ok)
        return String(buffer: response.body)
    }

    @Test("a feed made through the API: the .ics with its ETag, 304 on If-None-Match, 404 once revoked")
    func feed() async throws {
        try await BookingRoutesTests().withCenter { client, center, machine, school in
            let booked = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post,
                body: BookingRoutesTests().booking(machine, school, start: Self.nextWeek(18), end: Self.nextWeek(20)))
            #expect(booked.status == .created)
            let made = try await client.execute(
                uri: "/feeds", method: .post,
                body: ByteBuffer(string: #"{"kind": "resource", "subjectId": "\#(machine)"}"#))
            #expect(made.status == .created)
            #expect(made.headers[.cacheControl] == "no-store")
            let issued = try #require(
                try JSONSerialization.jsonObject(with: Data(made.body.readableBytesView)) as? [String: Any])
            let url = try #require(issued["url"] as? String)
            #expect((issued["webcal"] as? String)?.hasPrefix("webcal://") == true)
            let path = try #require(url.range(of: "/feeds/").map { String(url[$0.lowerBound...]) })

            // the feed needs no credential but its secret
            let feed = try await client.execute(uri: path, method: .get, headers: [.authorization: "Bearer nobody"])
            #expect(feed.status == .ok)
            #expect(feed.headers[.contentType] == "text/calendar; charset=utf-8")
            let text = String(buffer: feed.body)
            #expect(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
            #expect(text.contains("SUMMARY:焊接培训"))
            let etag = try #require(feed.headers[.eTag])
            let again = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: etag])
            #expect(again.status == .notModified)
            #expect(again.body.readableBytes == 0)
            let other = try await client.execute(uri: path, method: .get, headers: [.ifNoneMatch: "\"other\""])
            #expect(other.status == .ok)

            let id = try #require((issued["subscription"] as? [String: Any])?["id"] as? String)
            let revoked = try await client.execute(uri: "/feeds/\(id)", method: .delete)
            #expect(revoked.status == .ok)
            let gone = try await client.execute(uri: path, method: .get)
            #expect(gone.status == .notFound)
            #expect(gone.headers[.contentType] == "application/problem+json")
        }
    }

    @Test("metrics: off without a token, 401 with a wrong one; a booking and a refused one move the counters")
    func metrics() async throws {
        var security = SecurityConfiguration()
        security.metricsToken = Self.metricsToken
        try await BookingRoutesTests().withCenter(security: security) { client, center, machine, school in
            let denied = try await client.execute(
                uri: "/metrics", method: .get, headers: [.authorization: "Bearer wrong-token-of-some-length"])
            #expect(denied.status == .unauthorized)
            let before = try await scrape(client)
            let body = BookingRoutesTests().booking(machine, school, start: Self.nextWeek(9), end: Self.nextWeek(11))
            let made = try await client.execute(uri: "/centers/\(center)/bookings", method: .post, body: body)
            #expect(made.status == .created)
            let clash = try await client.execute(uri: "/centers/\(center)/bookings", method: .post, body: body)
            #expect(clash.status == .conflict)
            let after = try await scrape(client)
            let madeSeries = #"praxis_bookings_made_total{category="employee_upskilling"}"#
            let refused = #"praxis_bookings_refused_total{reason="clash"}"#
            #expect(Self.sample(madeSeries, in: after) >= Self.sample(madeSeries, in: before) + 1)
            #expect(Self.sample(refused, in: after) >= Self.sample(refused, in: before) + 1)
            #expect(
                after.contains(#"route="/centers/{centerId}/bookings""#)
                    || after.contains("route=\"/centers/:centerId/bookings\""))
            #expect(after.contains("praxis_http_request_duration_seconds_bucket"))
            #expect(after.contains(#"praxis_db_connections{state="in_use"}"#))
            #expect(after.contains(#"praxis_jobs_queued{kind="plan"}"#))
        }
        try await BookingRoutesTests().withCenter { client, _, _, _ in
            let off = try await client.execute(uri: "/metrics", method: .get)
            #expect(off.status == .notFound)
        }
    }
}
