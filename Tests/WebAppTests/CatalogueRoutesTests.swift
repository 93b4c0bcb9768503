import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Catalogue and editing routes")
struct CatalogueRoutesTests {
    /// Runs `body` against the API with an admin's token, a new center and an enterprise.
    func withCenter(_ body: @escaping @Sendable (AdminClient, UUID, UUID) async throws -> Void) async throws {
        try await APICenter.run { client, fixture, _ in try await body(client, fixture.center, fixture.enterprise) }
    }

    @Test("POST, GET and PATCH a catalogue entry with If-Match; a request naming a tag not in it is 422 catalogue")
    func catalogue() async throws {
        try await withCenter { client, center, enterprise in
            func send(
                _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, ifMatch: String? = nil
            ) async throws -> TestResponse {
                var headers: HTTPFields = [:]
                if let ifMatch { headers[.ifMatch] = ifMatch }
                return try await client.execute(
                    uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let created = try await send(
                .post, "/centers/\(center)/catalogue",
                #"{"tag": "welding.robot", "labelZh": "焊接机器人", "labelEn": "Welding robot", "kind": "equipment"}"#)
            #expect(created.status == .created)
            #expect(created.headers[.location] == "/centers/\(center)/catalogue/welding.robot")
            #expect(created.headers[.eTag] == "\"1\"")
            let listed = try await send(.get, "/centers/\(center)/catalogue")
            #expect(String(buffer: listed.body).contains("\"labelZh\":\"焊接机器人\""))
            let bad = try await send(
                .post, "/centers/\(center)/catalogue",
                #"{"tag": "welding.laser", "labelZh": "", "labelEn": "Laser welding", "kind": "equipment"}"#)
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("\"field\":\"/labelZh\""))
            let entry = "/centers/\(center)/catalogue/welding.robot"
            #expect(try await send(.patch, entry, #"{"labelEn": "Robot welding"}"#).status == .preconditionRequired)
            #expect(
                try await send(.patch, entry, #"{"labelEn": "Robot welding"}"#, ifMatch: "\"2\"").status
                    == .preconditionFailed)
            let renamed = try await send(.patch, entry, #"{"labelEn": "Robot welding"}"#, ifMatch: "\"1\"")
            #expect(renamed.status == .ok && renamed.headers[.eTag] == "\"2\"")
            #expect(try await send(.get, "/centers/\(center)/catalogue/Not%20A%20Tag").status == .notFound)
            let unknown = try await send(
                .post, "/centers/\(center)/requests",
                """
                {"organizationId": "\(enterprise)", "category": "employee_upskilling", "title": "激光焊",
                 "details": {"participants": 8, "course": "激光焊", "skill": "welding.laser", "totalHours": 6,
                             "sessionMinutes": 180, "earliest": "2026-03-01", "latest": "2026-05-31"}}
                """)
            #expect(unknown.status == .unprocessableContent)
            #expect(unknown.headers[.contentType] == "application/problem+json")
            #expect(String(buffer: unknown.body).contains("\"field\":\"/details/skill\""))
            #expect(String(buffer: unknown.body).contains("\"rule\":\"catalogue\""))
        }
    }

    @Test("PATCH a center and a resource with If-Match; DELETE a closure that has not ended")
    func editing() async throws {
        try await withCenter { client, center, _ in
            func send(
                _ method: HTTPRequest.Method, _ uri: String, _ body: String? = nil, ifMatch: String? = nil
            ) async throws -> TestResponse {
                var headers: HTTPFields = [:]
                if let ifMatch { headers[.ifMatch] = ifMatch }
                return try await client.execute(
                    uri: uri, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
            }
            let renamed = try await send(.patch, "/centers/\(center)", #"{"slotMinutes": 15}"#, ifMatch: "\"1\"")
            #expect(renamed.status == .ok && String(buffer: renamed.body).contains("\"slotMinutes\":15"))
            let zone = try await send(.patch, "/centers/\(center)", #"{"timeZone": "UTC"}"#, ifMatch: "\"2\"")
            #expect(
                zone.status == .unprocessableContent && String(buffer: zone.body).contains("\"rule\":\"immutable\""))
            let room = try await send(
                .post, "/centers/\(center)/resources", #"{"kind": "room", "name": "理论教室", "seats": 40}"#)
            let location = try #require(room.headers[.location])
            let reseated = try await send(.patch, location, #"{"seats": 48, "name": "理论教室 A"}"#, ifMatch: "\"1\"")
            #expect(reseated.status == .ok && String(buffer: reseated.body).contains("\"seats\":48"))
            #expect(try await send(.patch, location, #"{"seats": 50}"#, ifMatch: "\"1\"").status == .preconditionFailed)
            let untagged = try await send(.patch, location, #"{"capabilities": ["classroom"]}"#, ifMatch: "\"2\"")
            #expect(String(buffer: untagged.body).contains("\"field\":\"/capabilities/0\""))
            let closure = try await send(
                .post, "/centers/\(center)/closures", #"{"from": "2031-05-11", "to": "2031-05-12", "reason": "检修"}"#)
            let closureId = try #require(
                (try JSONSerialization.jsonObject(with: Data(closure.body.readableBytesView)) as? [String: Any])?["id"]
                    as? String)
            #expect(try await send(.delete, "/centers/\(center)/closures/\(closureId)").status == .noContent)
            #expect(try await send(.delete, "/centers/\(center)/closures/\(closureId)").status == .notFound)
            let past = try await send(
                .post, "/centers/\(center)/closures", #"{"from": "2020-05-11", "to": "2020-05-12", "reason": "检修"}"#)
            let pastId = try #require(
                (try JSONSerialization.jsonObject(with: Data(past.body.readableBytesView)) as? [String: Any])?["id"]
                    as? String)
            #expect(try await send(.delete, "/centers/\(center)/closures/\(pastId)").status == .conflict)
        }
    }
}
