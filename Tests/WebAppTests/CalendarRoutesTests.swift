import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Calendar routes")
struct CalendarRoutesTests {
    /// Runs `body` against the API with an admin's token and a new center of its own.
    func withCenter(_ body: @escaping @Sendable (AdminClient, UUID) async throws -> Void) async throws {
        try await APICenter.run { client, fixture, _ in try await body(client, fixture.center) }
    }

    @Test("opening hours, closures and a year's holidays with make-up days round-trip; bad input names the item")
    func calendar() async throws {
        try await withCenter { client, center in
            func send(_ method: HTTPRequest.Method, _ uri: String, _ body: String) async throws -> TestResponse {
                try await client.execute(uri: uri, method: method, body: ByteBuffer(string: body))
            }
            let hours = try await send(
                .put, "/centers/\(center)/opening-hours",
                """
                {"items": [{"weekday": 1, "opens": "08:00", "closes": "12:00"}, {"weekday": 1, "opens": "13:30", "closes": "21:30"},
                           {"weekday": 6, "opens": "08:00", "closes": "17:00"}]}
                """)
            #expect(hours.status == .ok)
            #expect(String(buffer: hours.body).contains("\"closes\":\"21:30\""))
            let overlap = try await send(
                .put, "/centers/\(center)/opening-hours",
                """
                {"items": [{"weekday": 2, "opens": "08:00", "closes": "12:00"}, {"weekday": 2, "opens": "11:00", "closes": "14:00"}]}
                """)
            #expect(overlap.status == .unprocessableContent)
            #expect(String(buffer: overlap.body).contains("\"field\":\"/items/1\""))
            let kept = try await client.execute(uri: "/centers/\(center)/opening-hours", method: .get)
            #expect(String(buffer: kept.body).contains("13:30"), "a refused replacement keeps the old hours")

            #expect(
                try await send(
                    .post, "/centers/\(center)/closures",
                    #"{"from": "2026-05-11", "to": "2026-05-12", "reason": "消防演练"}"#
                ).status == .created)
            #expect(
                try await send(
                    .post, "/centers/\(center)/closures",
                    #"{"from": "2026-05-12", "to": "2026-05-13", "reason": "检修"}"#
                ).status == .conflict)
            #expect(
                try await send(
                    .post, "/centers/\(center)/closures",
                    #"{"from": "2026-05-20", "to": "2026-05-19", "reason": "x"}"#
                ).status == .unprocessableContent)
            let badFrom = try await send(
                .post, "/centers/\(center)/closures", #"{"from": "2026-02-30", "to": "2026-03-02", "reason": "x"}"#)
            #expect(String(buffer: badFrom.body).contains("\"field\":\"/from\""))
            let closures = try await client.execute(uri: "/centers/\(center)/closures", method: .get)
            #expect(String(buffer: closures.body).contains("\"to\":\"2026-05-12\""))

            let year = 2090 + Int.random(in: 0...9)
            let days = try await send(
                .put, "/calendar-days/\(year)",
                """
                {"items": [{"date": "\(year)-10-01", "kind": "public_holiday", "name": "国庆节"},
                           {"date": "\(year)-10-08", "kind": "makeup_workday", "name": "国庆调休", "followsWeekday": 1}]}
                """)
            #expect(days.status == .ok)
            let read = String(buffer: try await client.execute(uri: "/calendar-days/\(year)", method: .get).body)
            #expect(read.contains("\"followsWeekday\":1"))
            let wrongYear = try await send(
                .put, "/calendar-days/\(year)",
                #"{"items": [{"date": "2001-01-01", "kind": "public_holiday", "name": "元旦"}]}"#)
            #expect(String(buffer: wrongYear.body).contains("\"field\":\"/items/0/date\""))
            let noWeekday = try await send(
                .put, "/calendar-days/\(year)",
                #"{"items": [{"date": "\#(year)-02-01", "kind": "makeup_workday", "name": "调休"}]}"#)
            #expect(String(buffer: noWeekday.body).contains("\"field\":\"/items/0/followsWeekday\""))
            #expect(try await client.execute(uri: "/calendar-days/20x6", method: .get).status == .notFound)
        }
    }

    @Test(
        "a time or date of the calendar that does not parse is refused with 422 naming it; good ones read back unchanged"
    )
    func typedDates() async throws {
        try await withCenter { client, center in
            func send(_ method: HTTPRequest.Method, _ uri: String, _ body: String) async throws -> String {
                let response = try await client.execute(uri: uri, method: method, body: ByteBuffer(string: body))
                #expect(response.status == .unprocessableContent, "\(uri): \(body)")
                return String(buffer: response.body)
            }
            let hours = try await send(
                .put, "/centers/\(center)/opening-hours",
                #"{"items": [{"weekday": 1, "opens": "08:00", "closes": "12:00"}, {"weekday": 2, "opens": "25:00", "closes": "26:00"}]}"#
            )
            #expect(hours.contains(#""field":"/items/1/opens""#) && hours.contains(#""rule":"time""#))
            #expect(hours.contains("The opens ('25:00') is not a time like 08:00."))
            let closes = try await send(
                .put, "/centers/\(center)/opening-hours",
                #"{"items": [{"weekday": 1, "opens": "08:00", "closes": "8pm"}]}"#)
            #expect(closes.contains(#""field":"/items/0/closes""#))
            let to = try await send(
                .post, "/centers/\(center)/closures", #"{"from": "2026-05-11", "to": "12 May", "reason": "x"}"#)
            #expect(to.contains(#""field":"/to""#) && to.contains(#""rule":"date""#))
            #expect(to.contains("The to ('12 May') is not a date like 2026-03-02."))
            let day = try await send(
                .put, "/calendar-days/2091",
                #"{"items": [{"date": "2091-02-29", "kind": "public_holiday", "name": "x"}]}"#)
            #expect(day.contains(#""field":"/items/0/date""#))

            let week =
                #"{"items":[{"closes":"24:00","opens":"07:30","weekday":1},{"closes":"09:05","opens":"00:00","weekday":6}]}"#
            let put = try await client.execute(
                uri: "/centers/\(center)/opening-hours", method: .put, body: ByteBuffer(string: week))
            #expect(put.status == .ok)
            let read = try await client.execute(uri: "/centers/\(center)/opening-hours", method: .get)
            #expect(String(buffer: read.body) == week, "the times read back byte for byte")
            let closure = #"{"from":"2026-12-30","reason":"跨年检修","to":"2027-01-02"}"#
            let added = try await client.execute(
                uri: "/centers/\(center)/closures", method: .post, body: ByteBuffer(string: closure))
            // the dates read back byte for byte, beside the id the center gave the closure
            let id = try #require(
                (try JSONSerialization.jsonObject(with: Data(added.body.readableBytesView)) as? [String: Any])?["id"]
                    as? String)
            let stored = #"{"from":"2026-12-30","id":"\#(id)","reason":"跨年检修","to":"2027-01-02"}"#
            #expect(String(buffer: added.body) == stored)
            let closures = try await client.execute(uri: "/centers/\(center)/closures", method: .get)
            #expect(String(buffer: closures.body) == #"{"items":[\#(stored)]}"#)
        }
    }
}
