import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Request routes")
struct RequestRoutesTests {
    @Test("create, read, move: 201, 409 naming the state, 422 pointing into details")
    func lifecycle() async throws {
        try await APICenter.run { client, fixture, db in
            let (center, enterprise) = (fixture.center, fixture.enterprise)
            try await TestDatabase.catalogue(["plc"], in: center, on: db)
            func body(weeks: Int = 8) -> ByteBuffer {
                ByteBuffer(
                    string: """
                        {"organizationId": "\(enterprise)", "category": "employee_upskilling", "title": "PLC 编程提升",
                         "details": {"participants": 15, "course": "PLC 编程", "skill": "plc", "totalHours": \(weeks * 3),
                                     "sessionMinutes": 180, "earliest": "2026-03-01", "latest": "2026-05-31"}}
                        """)
            }
            let created = try await client.execute(uri: "/centers/\(center)/requests", method: .post, body: body())
            #expect(created.status == .created)
            let location = try #require(created.headers[.location])
            #expect(String(buffer: created.body).contains("\"state\":\"draft\""))

            let read = try await client.execute(uri: location, method: .get)
            #expect(read.status == .ok)
            #expect(read.headers[.eTag] == "\"1\"")

            let illegal = try await client.execute(
                uri: location + "/transitions", method: .post, headers: [.ifMatch: "\"1\""],
                body: ByteBuffer(string: #"{"to": "confirmed"}"#))
            #expect(illegal.status == .conflict)
            #expect(String(buffer: illegal.body).contains("draft"))
            #expect(String(buffer: illegal.body).contains(#""rule":"transition""#))

            let submitted = try await client.execute(
                uri: location + "/transitions", method: .post, headers: [.ifMatch: "\"1\""],
                body: ByteBuffer(string: #"{"to": "submitted"}"#))
            #expect(submitted.status == .ok)
            #expect(submitted.headers[.eTag] == "\"2\"")

            let badState = try await client.execute(
                uri: location + "/transitions", method: .post, headers: [.ifMatch: "\"2\""],
                body: ByteBuffer(string: #"{"to": "approved"}"#))
            #expect(badState.status == .unprocessableContent)
            #expect(String(buffer: badState.body).contains("\"field\":\"/to\""))

            let invalid = try await client.execute(
                uri: "/centers/\(center)/requests", method: .post,
                body: ByteBuffer(
                    string: """
                        {"organizationId": "\(enterprise)", "category": "pilot_production", "title": "中试",
                         "details": {"capability": "line.gear", "days": 0, "earliestStart": "2026-03-01", "latestStart": "2026-03-10"}}
                        """))
            #expect(invalid.status == .unprocessableContent)
            #expect(String(buffer: invalid.body).contains("\"field\":\"/details/days\""))

            let missing = try await client.execute(
                uri: "/centers/\(center)/requests", method: .post,
                body: ByteBuffer(
                    string: """
                        {"organizationId": "\(enterprise)", "category": "pilot_production", "title": "中试", "details": {"days": 2}}
                        """))
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains("\"field\":\"/details/earliestStart\""))

            let listed = try await client.execute(
                uri: "/centers/\(center)/requests?state=submitted&category=employee_upskilling", method: .get)
            #expect(listed.status == .ok)
            #expect(String(buffer: listed.body).contains("PLC 编程提升"))
            let badFilter = try await client.execute(uri: "/centers/\(center)/requests?state=lost", method: .get)
            #expect(badFilter.status == .unprocessableContent)
        }
    }
}
