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

@Suite("Editing and onboarding routes")
struct EditingRoutesTests {
    @Test("PATCH with If-Match edits an organization, an instructor and a request; stale is 412, none is 428")
    func edits() async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8)
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                let client = try await AdminClient.signing(raw, db: db)
                func patch(_ uri: String, _ version: Int?, _ body: String) async throws -> TestResponse {
                    var headers: HTTPFields = [.contentType: "application/json"]
                    if let version { headers[.ifMatch] = "\"\(version)\"" }
                    return try await client.execute(
                        uri: uri, method: .patch, headers: headers, body: ByteBuffer(string: body))
                }
                let school = try await client.created(
                    "/organizations", #"{"name": "职业学院 \#(tag)", "kind": "higher_vocational_college"}"#)
                let operatorId = try await client.created(
                    "/organizations", #"{"name": "运营 \#(tag)", "kind": "center_operator"}"#)
                let center = try await client.created(
                    "/centers", #"{"name": "中心 \#(tag)", "operatorId": "\#(operatorId)"}"#)
                #expect(
                    try await patch("/organizations/\(school)", nil, #"{"name": "新名 \#(tag)"}"#).status
                        == .preconditionRequired)
                let renamed = try await patch("/organizations/\(school)", 1, #"{"name": "新名 \#(tag)"}"#)
                #expect(renamed.status == .ok && renamed.headers[.eTag] == "\"2\"")
                let stale = try await patch("/organizations/\(school)", 1, #"{"name": "旧名 \#(tag)"}"#)
                #expect(stale.status == .preconditionFailed)
                #expect(stale.headers[.contentType] == "application/problem+json")

                try await TestDatabase.catalogue(["plc"], in: center, on: db)
                let teacher = try await client.created(
                    "/centers/\(center)/instructors",
                    #"{"organizationId": "\#(school)", "name": "郑老师", "postType": "fixed", "weeklyHourCap": 16, "skills": [{"skill": "plc", "expiresOn": "2026-06-30"}], "availability": []}"#
                )
                let renewed = try await patch(
                    "/instructors/\(teacher)", 1,
                    #"{"skills": [{"skill": "plc", "expiresOn": "2029-06-30"}], "leave": [{"first": "2026-04-13", "last": "2026-04-17", "note": "年假"}]}"#
                )
                #expect(renewed.status == .ok)
                #expect(
                    String(buffer: renewed.body).contains(
                        #""leave":[{"first":"2026-04-13","last":"2026-04-17","note":"年假"}]"#))
                let backwards = try await patch(
                    "/instructors/\(teacher)", 2, #"{"leave": [{"first": "2026-04-17", "last": "2026-04-13"}]}"#)
                #expect(backwards.status == .unprocessableContent)
                #expect(String(buffer: backwards.body).contains(#""field":"/leave/0/last""#))
                #expect(try await patch("/instructors/\(UUID())", 1, "{}").status == .notFound)
            }
        }
    }

    @Test("onboarding answers the initial password once, never cached; a taken username is 422 naming it")
    func onboarding() async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8).lowercased()
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                let client = try await AdminClient.signing(raw, db: db)
                let operatorId = try await client.created(
                    "/organizations", #"{"name": "运营 \#(tag)", "kind": "center_operator"}"#)
                let center = try await client.created(
                    "/centers", #"{"name": "中心 \#(tag)", "operatorId": "\#(operatorId)"}"#)
                let body = #"{"name": "精工 \#(tag)", "kind": "sme", "username": "sme.\#(tag)", "displayName": "刘主管"}"#
                let made = try await client.execute(
                    uri: "/centers/\(center)/onboardings", method: .post, body: ByteBuffer(string: body))
                #expect(made.status == .created)
                #expect(made.headers[.cacheControl] == "no-store")
                #expect(String(buffer: made.body).contains("\"initialPassword\":\""))
                let again = try await client.execute(
                    uri: "/centers/\(center)/onboardings", method: .post,
                    body: ByteBuffer(
                        string: #"{"name": "别家 \#(tag)", "kind": "sme", "username": "sme.\#(tag)", "displayName": "王"}"#
                    ))
                #expect(again.status == .unprocessableContent)
                #expect(String(buffer: again.body).contains(#""field":"/username""#))
            }
        }
    }
}
