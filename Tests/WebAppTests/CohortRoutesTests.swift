import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Service
import TestSupport
import Testing
import WebApp

@Suite("Cohort editing routes")
struct CohortRoutesTests {
    @Test(
        "a class is read with its ETag and changed with If-Match; a stale or missing If-Match and bad free times are refused"
    )
    func editing() async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8)
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                let client = try await AdminClient.signing(raw, db: db)
                let school = try await client.execute(
                    uri: "/organizations", method: .post,
                    body: ByteBuffer(string: #"{"name": "潍坊工业学校 \#(tag)", "kind": "secondary_vocational_school"}"#))
                let schoolURI = try #require(school.headers[.location])
                let created = try await client.execute(
                    uri: schoolURI + "/cohorts", method: .post,
                    body: ByteBuffer(
                        string:
                            #"{"name": "数控2301", "size": 35, "availability": {"freeTimes": [{"weekday": 2, "from": "08:00", "to": "11:30"}], "travelMinutes": 30}}"#
                    ))
                #expect(created.status == .created)
                let body = String(buffer: created.body)
                #expect(body.contains(#""freeAnyTime":false"#) && body.contains(#""travelMinutes":30"#))
                let id = try #require(
                    (try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])?["id"] as? String)
                let uri = "\(schoolURI)/cohorts/\(id)"
                let read = try await client.execute(uri: uri, method: .get)
                #expect(read.status == .ok && read.headers[.eTag] == "\"1\"")
                func patch(_ json: String, version: String?) async throws -> TestResponse {
                    var headers: HTTPFields = [.contentType: "application/json"]
                    if let version { headers[.ifMatch] = version }
                    return try await client.execute(
                        uri: uri, method: .patch, headers: headers, body: ByteBuffer(string: json))
                }
                #expect(try await patch(#"{"size": 36}"#, version: nil).status == .preconditionRequired)
                let changed = try await patch(
                    #"{"size": 36, "availability": {"freeTimes": [{"weekday": 4, "from": "13:30", "to": "17:00"}], "weeks": [{"weekOf": "2026-06-29", "note": "考试周"}]}}"#,
                    version: "\"1\"")
                #expect(changed.status == .ok && changed.headers[.eTag] == "\"2\"")
                #expect(String(buffer: changed.body).contains(#""weekOf":"2026-06-29""#))
                let stale = try await patch(#"{"size": 20}"#, version: "\"1\"")
                #expect(stale.status == .preconditionFailed)
                let backwards = try await patch(
                    #"{"availability": {"freeTimes": [{"weekday": 2, "from": "11:30", "to": "08:00"}]}}"#,
                    version: "\"2\"")
                #expect(backwards.status == .unprocessableContent)
                #expect(String(buffer: backwards.body).contains(#""field":"/availability/freeTimes/0/to""#))
                let travel = try await patch(#"{"availability": {"travelMinutes": 300}}"#, version: "\"2\"")
                #expect(String(buffer: travel.body).contains("travelMinutes") && travel.status == .unprocessableContent)
                #expect(
                    try await client.execute(uri: "\(schoolURI)/cohorts/\(UUID())", method: .get).status == .notFound)
            }
        }
    }
}
