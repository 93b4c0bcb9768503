import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Term routes")
struct TermRoutesTests {
    @Test("a term is created, read as weeks, replaced with If-Match (412 when stale); bad input names field and rule")
    func terms() async throws {
        try await CalendarRoutesTests().withCenter { client, center in
            func send(
                _ method: HTTPRequest.Method, _ uri: String, _ body: String, _ headers: HTTPFields = [:]
            )
                async throws -> TestResponse
            {
                try await client.execute(uri: uri, method: method, headers: headers, body: ByteBuffer(string: body))
            }
            let created = try await send(
                .post, "/centers/\(center)/terms",
                #"{"name": "2031春季学期", "firstDay": "2031-03-03", "weeks": 18, "weeksOff": [{"week": 18, "name": "考试周"}]}"#
            )
            #expect(created.status == .created)
            #expect(created.headers[.eTag] == "\"1\"")
            let body = String(buffer: created.body)
            let id = try #require(body.split(separator: "\"").drop { $0 != "id" }.dropFirst(2).first)
            for (body, field, rule) in [
                (
                    #"{"name": "x", "firstDay": "2032-03-01", "weeks": 18, "weeksOff": [{"week": 19, "name": "考试周"}]}"#,
                    "/weeksOff/0/week", "outsideTerm"
                ),
                (#"{"name": "x", "firstDay": "2032-03-01", "weeks": 31}"#, "/weeks", "range"),
                (#"{"name": "x", "firstDay": "2032-03-02", "weeks": 18}"#, "/firstDay", "monday"),
                (#"{"name": "x", "firstDay": "2031-06-30", "weeks": 4}"#, "/firstDay", "overlap"),
            ] {
                let refused = try await send(.post, "/centers/\(center)/terms", body)
                #expect(refused.status == .unprocessableContent)
                #expect(refused.headers[.contentType] == "application/problem+json")
                let text = String(buffer: refused.body)
                #expect(text.contains("\"field\":\"\(field)\"") && text.contains("\"rule\":\"\(rule)\""), "\(text)")
            }
            let week = try await client.execute(uri: "/terms/\(id)/weeks?date=2031-04-09", method: .get)
            #expect(String(buffer: week.body).contains("\"week\":6"))
            let replacement = #"{"name": "2031年春季学期", "firstDay": "2031-03-03", "weeks": 18}"#
            #expect(try await send(.put, "/terms/\(id)", replacement, [.ifMatch: "\"1\""]).status == .ok)
            #expect(
                try await send(.put, "/terms/\(id)", replacement, [.ifMatch: "\"1\""]).status == .preconditionFailed)
            #expect(try await send(.delete, "/terms/\(id)", "", [.ifMatch: "\"2\""]).status == .noContent)
        }
    }

    @Test("a CSV dry run lists bad rows by line, column and rule; a real import of it is a 422 writing nothing")
    func calendarImport() async throws {
        try await CalendarRoutesTests().withCenter { client, _ in
            let csv = "date,kind,holiday\n2093-01-01,holiday,元旦\n2093-01-02,day_off,元旦\n"
            let dry = try await client.execute(
                uri: "/calendar-days/import?dryRun=true", method: .post, body: ByteBuffer(string: csv))
            #expect(dry.status == .ok)
            #expect(String(buffer: dry.body).contains(#""column":"kind","line":3"#))
            let real = try await client.execute(
                uri: "/calendar-days/import", method: .post, body: ByteBuffer(string: csv))
            #expect(real.status == .unprocessableContent)
            #expect(String(buffer: real.body).contains(#""field":"/csv/line 3/kind""#))
            let stored = try await client.execute(uri: "/calendar-days/2093", method: .get)
            #expect(String(buffer: stored.body) == #"{"items":[]}"#)
            let rule = try await client.execute(
                uri: "/calendar-days/import?makeupWeekday=8", method: .post, body: ByteBuffer(string: csv))
            #expect(rule.status == .unprocessableContent)
        }
    }
}
