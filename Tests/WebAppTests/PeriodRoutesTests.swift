import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Bell period routes")
struct PeriodRoutesTests {
    let periods = """
        {"sets": [{"weekdays": [1, 2, 3, 4, 5], "periods": [
           {"number": 1, "label": "第1节", "start": "08:00", "end": "08:45"},
           {"number": 2, "label": "第2节", "start": "08:50", "end": "09:35"},
           {"number": 3, "label": "第3节", "start": "09:55", "end": "10:40"},
           {"number": 4, "label": "第4节", "start": "10:45", "end": "11:30"}]}]}
        """

    @Test("periods are read with their ETag and replaced with If-Match; an overlap answers 422 naming the period")
    func replace() async throws {
        try await PolicyAndMaintenanceRoutesTests().withMachine { client, center, _, _ in
            let path = "/centers/\(center)/periods"
            let initial = try await client.execute(uri: path, method: .get)
            #expect(initial.status == .ok)
            #expect(initial.headers[.eTag] == "\"0\"")
            #expect(
                try await client.execute(uri: path, method: .put, body: ByteBuffer(string: periods)).status
                    == .preconditionRequired)
            let overlapping = periods.replacingOccurrences(of: #""start": "08:50""#, with: #""start": "08:40""#)
            let bad = try await client.execute(
                uri: path, method: .put, headers: [.ifMatch: "\"0\""], body: ByteBuffer(string: overlapping))
            #expect(bad.status == .unprocessableContent)
            #expect(bad.headers[.contentType] == "application/problem+json")
            #expect(String(buffer: bad.body).contains(#""field":"/sets/0/periods/1""#))
            #expect(String(buffer: bad.body).contains(#""rule":"overlap""#))
            let stored = try await client.execute(
                uri: path, method: .put, headers: [.ifMatch: "\"0\""], body: ByteBuffer(string: periods))
            #expect(stored.status == .ok)
            #expect(stored.headers[.eTag] == "\"1\"")
            #expect(String(buffer: stored.body).contains(#""label":"第3节""#))
        }
    }

    @Test("a booking given as date and periods answers 201 with the periods' times; a missing period 422")
    func bookInPeriods() async throws {
        try await PolicyAndMaintenanceRoutesTests().withMachine { client, center, machine, school in
            let stored = try await client.execute(
                uri: "/centers/\(center)/periods", method: .put, headers: [.ifMatch: "\"0\""],
                body: ByteBuffer(string: periods))
            #expect(stored.status == .ok)
            let booking = { (from: Int, to: Int) in
                """
                {"organizationId": "\(school)", "category": "student_training", "title": "按节实训",
                 "date": "2031-03-04", "fromPeriod": \(from), "toPeriod": \(to), "resources": [{"resourceId": "\(machine)"}]}
                """
            }
            let booked = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post, body: ByteBuffer(string: booking(3, 4)))
            #expect(booked.status == .created)
            let body = String(buffer: booked.body)
            #expect(body.contains(#""start":"2031-03-04T01:55:00Z""#), "09:55 in Shanghai: \(body)")
            #expect(body.contains(#""end":"2031-03-04T03:30:00Z""#), "11:30 in Shanghai: \(body)")
            let missing = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post, body: ByteBuffer(string: booking(1, 9)))
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains(#""field":"/toPeriod""#))
            #expect(String(buffer: missing.body).contains(#""rule":"periods""#))
        }
    }
}
