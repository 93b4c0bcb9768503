import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("The audit trail's filters over HTTP")
struct AuditRoutesTests {
    /// The audit rows `uri` answers, as JSON objects.
    static func items(_ client: AdminClient, _ uri: String) async throws -> [[String: Any]] {
        let response = try await client.execute(uri: uri, method: .get)
        #expect(response.status == .ok, "\(uri): \(String(buffer: response.body))")
        let object = try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
        return object?["items"] as? [[String: Any]] ?? []
    }

    @Test("centerId keeps the rows about the center and its resources; the acting user's name comes along")
    func byCenter() async throws {
        try await APICenter.run { client, fixture, db in
            let operatorId: UUID = try await db.query(
                "SELECT operator_id FROM centers WHERE id = \(fixture.center)"
            ).first!.decode("operator_id")
            let other = try await client.created(
                "/centers", #"{"name": "另一中心 \#(UUID().uuidString.prefix(8))", "operatorId": "\#(operatorId)"}"#)
            let mine = try await client.created(
                "/centers/\(fixture.center)/resources", #"{"kind": "room", "name": "审计教室", "seats": 30}"#)
            let theirs = try await client.created(
                "/centers/\(other)/resources", #"{"kind": "room", "name": "审计教室", "seats": 30}"#)
            let about = try await Self.items(client, "/audit?centerId=\(fixture.center)&limit=500")
            let ids = Set(about.compactMap { ($0["entityId"] as? String)?.lowercased() })
            #expect(ids.contains(mine.uuidString.lowercased()))
            #expect(!ids.contains(theirs.uuidString.lowercased()) && !ids.contains(other.uuidString.lowercased()))
            let created = try await Self.items(client, "/audit?centerId=\(other)&action=create")
            let createdIds = Set(created.compactMap { ($0["entityId"] as? String)?.lowercased() })
            #expect(createdIds.isSuperset(of: [other.uuidString.lowercased(), theirs.uuidString.lowercased()]))
            #expect(!createdIds.contains(mine.uuidString.lowercased()))
            #expect(created.allSatisfy { $0["username"] as? String == client.username })
        }
    }

    @Test(
        "a bad filter is 422 naming the query parameter and the rule",
        arguments: [
            ("action=Create!", "action", "format"), ("entity=a%20b", "entity", "format"),
            ("centerId=nope", "centerId", "format"), ("userId=nope", "userId", "format"),
            ("from=2031-05-02T00:00:00Z&to=2031-05-01T00:00:00Z", "to", "afterFrom"),
            ("from=yesterday", "from", "format"), ("limit=501", "limit", "range"),
        ])
    func badFilter(query: String, field: String, rule: String) async throws {
        try await APICenter.run { client, _, _ in
            let response = try await client.execute(uri: "/audit?\(query)", method: .get)
            #expect(response.status == .unprocessableContent)
            #expect(response.headers[.contentType] == "application/problem+json")
            let problem =
                try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any]
            #expect(problem?["field"] as? String == field)
            #expect(problem?["rule"] as? String == rule)
        }
    }
}
