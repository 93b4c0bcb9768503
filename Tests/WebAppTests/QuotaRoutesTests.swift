import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Quota routes")
struct QuotaRoutesTests {
    let bookings = BookingRoutesTests()

    @Test("quotas are set, read with what is left, replaced with If-Match and deleted; a booking past one is a 409")
    func lifecycle() async throws {
        try await bookings.withCenter { client, center, machine, sme in
            let set = try await client.execute(
                uri: "/centers/\(center)/quotas", method: .post,
                body: bookings.json([
                    "organizationId": sme.uuidString, "resourceId": machine.uuidString, "period": "month", "hours": 3,
                ]))
            #expect(set.status == .created)
            #expect(set.headers[.eTag] == "\"1\"")
            let id = try bookings.decode(BookingRoutesTests.Created.self, set).id
            #expect(set.headers[.location] == "/quotas/\(id)")
            let first = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post,
                body: bookings.booking(
                    machine, sme, start: "2026-03-02T18:00:00+08:00", end: "2026-03-02T20:00:00+08:00"))
            #expect(first.status == .created)
            let refused = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post,
                body: bookings.booking(
                    machine, sme, start: "2026-03-03T18:00:00+08:00", end: "2026-03-03T20:00:00+08:00"))
            #expect(refused.status == .conflict)
            #expect(refused.headers[.contentType] == "application/problem+json")
            let problem = String(buffer: refused.body)
            #expect(problem.contains("\"type\":\"/problems/quota-exceeded\""))
            #expect(problem.contains("\"hoursLeft\":1") && problem.contains(id.uuidString))
            let listed = try await client.execute(
                uri: "/centers/\(center)/quotas?at=2026-03-10T00:00:00%2B08:00", method: .get)
            #expect(String(buffer: listed.body).contains("\"hoursUsed\":2"))
            let change = bookings.json(["organizationId": sme.uuidString, "period": "week", "hours": 10])
            #expect(
                try await client.execute(uri: "/quotas/\(id)", method: .put, body: change).status
                    == .preconditionRequired)
            let changed = try await client.execute(
                uri: "/quotas/\(id)", method: .put, headers: [.ifMatch: "\"1\""], body: change)
            #expect(changed.status == .ok && changed.headers[.eTag] == "\"2\"")
            #expect(try await client.execute(uri: "/quotas/\(id)", method: .delete).status == .noContent)
            #expect(try await client.execute(uri: "/quotas/\(id)", method: .get).status == .notFound)
        }
    }

    @Test(
        "bad quotas are 422 naming the field and rule",
        arguments: [
            (#""period": "week", "hours": 0"#, "/hours", "range"),
            (#""period": "week", "hours": 2, "capability": "x y""#, "/capability", "tag"),
            (#""period": "week", "hours": "many""#, "/hours", "type"),
            (#""period": "year", "hours": 2"#, "/period", "format"),
        ])
    func badInput(_ fields: String, _ field: String, _ rule: String) async throws {
        try await bookings.withCenter { client, center, _, sme in
            let body = #"{"organizationId": "\#(sme.uuidString)", "# + fields + "}"
            let response = try await client.execute(
                uri: "/centers/\(center)/quotas", method: .post, body: ByteBuffer(string: body))
            #expect(response.status == .unprocessableContent)
            let problem = String(buffer: response.body)
            #expect(problem.contains("\"field\":\"\(field)\"") && problem.contains("\"rule\":\"\(rule)\""))
        }
    }
}
