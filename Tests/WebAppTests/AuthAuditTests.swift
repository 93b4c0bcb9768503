import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

extension AuthTests {
    @Suite("Accounts and the audit trail over HTTP", .serialized)
    struct AuthAuditTests {
        @Test("GET /audit shows who created an account, filtered; non-auditors get 403")
        func auditTrail() async throws {
            try await AuthFixture.run { fixture, client in
                let (secret, tokenId) = try await fixture.token(client)
                let created = try await client.execute(
                    uri: "/users", method: .post, headers: .bearer(secret),
                    body: AuthFixture.json([
                        "username": "coord-\(fixture.tag)", "displayName": "王老师",
                        "organizationId": fixture.organizationId.uuidString,
                        "password": AuthFixture.password, "roles": [["role": "auditor"]],
                    ]))
                #expect(created.status == .created)
                let userId = try #require(try AuthFixture.object(created)["id"] as? String)
                #expect(!String(buffer: created.body).contains("password"))

                let audit = try await client.execute(
                    uri: "/audit?entity=user&entityId=\(userId)", method: .get, headers: .bearer(secret))
                #expect(audit.status == .ok)
                let items = try #require(try AuthFixture.object(audit)["items"] as? [[String: Any]])
                #expect(items.count == 1)
                #expect(items.first?["action"] as? String == "create")
                #expect(items.first?["tokenId"] as? String == tokenId)
                #expect((items.first?["after"] as? [String: Any])?["displayName"] as? String == "王老师")
                #expect(!String(buffer: audit.body).contains("$2b$"), "no password hash in the audit trail")

                let coordinator = try await fixture.addUser("nosy", roles: [])
                let (nosy, _) = try await fixture.token(client, username: coordinator.username)
                let refused = try await client.execute(uri: "/audit", method: .get, headers: .bearer(nosy))
                #expect(refused.status == .forbidden)
                #expect(refused.headers[.contentType] == "application/problem+json")
                #expect(String(buffer: refused.body).contains(#""rule":"auditTrailReaders""#), "names who may")
                #expect(
                    try await client.execute(uri: "/users/\(userId)", method: .get, headers: .bearer(nosy)).status
                        == .notFound)
                #expect(
                    try await client.execute(uri: "/users/\(coordinator.id)", method: .get, headers: .bearer(nosy))
                        .status == .ok)
                let bad = try await client.execute(uri: "/audit?userId=nope", method: .get, headers: .bearer(secret))
                #expect(bad.status == .unprocessableContent)
            }
        }

        @Test(
            "bad accounts are 422 naming the field, a taken username 409",
            arguments: [
                (#"{"username": "A B", "displayName": "x", "organizationId": "ORG", "roles": []}"#, 422, "/username"),
                (
                    #"{"username": "abc-TAG", "displayName": "x", "organizationId": "ORG", "password": "short", "roles": []}"#,
                    422, "/password"
                ),
                (
                    #"{"username": "abc-TAG", "displayName": "x", "organizationId": "ORG", "roles": [{"role": "center_manager"}]}"#,
                    422, "/roles/0/centerId"
                ),
                (
                    #"{"username": "abc-TAG", "displayName": "x", "organizationId": "ORG", "roles": [{"role": "school_coordinator"}]}"#,
                    422, "/roles/0/role"
                ),
                (
                    #"{"username": "abc-TAG", "displayName": "x", "organizationId": "ORG", "roles": [{"role": "pope"}]}"#,
                    422, "/roles/0/role"
                ),
                (
                    #"{"username": "abc-TAG", "displayName": "x", "organizationId": "00000000-0000-0000-0000-000000000000", "roles": []}"#,
                    422, "/organizationId"
                ),
                (
                    #"{"username": "abc-TAG", "displayName": "x", "organizationId": "ORG", "roles": [{"role": "center_manager", "centerId": "00000000-0000-0000-0000-000000000000"}]}"#,
                    422, "/roles/0/centerId"
                ),
                (
                    #"{"username": "abc-TAG", "displayName": "EMOJI", "organizationId": "ORG", "roles": []}"#, 422,
                    "/displayName"
                ),
                (#"{"username": "admin-TAG", "displayName": "x", "organizationId": "ORG", "roles": []}"#, 409, ""),
            ])
        func badAccounts(_ body: String, _ status: Int, _ field: String) async throws {
            try await AuthFixture.run { fixture, client in
                let (secret, _) = try await fixture.token(client)
                // 150 characters, 300 code points
                let text = body.replacingOccurrences(of: "ORG", with: fixture.organizationId.uuidString)
                    .replacingOccurrences(of: "TAG", with: fixture.tag)
                    .replacingOccurrences(of: "EMOJI", with: String(repeating: "👍🏽", count: 150))
                let response = try await client.execute(
                    uri: "/users", method: .post, headers: .bearer(secret), body: ByteBuffer(string: text))
                #expect(response.status.code == status)
                #expect(response.headers[.contentType] == "application/problem+json")
                if !field.isEmpty { #expect(try AuthFixture.object(response)["field"] as? String == field) }
            }
        }

        @Test("every change through the API writes one audit row naming the caller's token, in its transaction")
        func mutationsAreAudited() async throws {
            try await TestDatabase.withPool { db in
                let router = buildRouter(
                    database: db,
                    migrator: Migrator(
                        database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory)))
                try await Application(router: router).test(.router) { client in
                    let world = try await AuthMatrixWorld.build(db: db, client: client)
                    let created: [(String, UUID)] = [
                        ("center", world.center), ("resource", world.machine),
                        ("organization", world.organization[.school]!),
                        ("cohort", world.cohort[.enterprise]!), ("instructor", world.instructor),
                        ("request", world.request[.school]!),
                        ("booking", world.booking[.enterprise]!),
                    ]
                    for (entity, id) in created {
                        let rows = try await db.query(
                            """
                            SELECT a.action, t.name FROM audit_log a JOIN api_tokens t ON t.id = a.token_id
                            WHERE a.entity = \(entity) AND a.entity_id = \(id.uuidString)
                            """)
                        #expect(rows.count == 1, "\(entity) \(id)")
                        #expect(try rows.first?.decode("action", as: String.self) == "create")
                        #expect(try rows.first?.decode("name", as: String.self) == "tests")
                    }
                    let cancel = try await client.execute(
                        uri: "/bookings/\(world.booking[.school]!)", method: .delete,
                        headers: [.authorization: "Bearer \(world.tokens[.manager]!)", .ifMatch: "\"1\""])
                    #expect(cancel.status == .ok)
                    let audit = try await client.execute(
                        uri: "/audit?entity=booking&entityId=\(world.booking[.school]!.uuidString)&action=cancel",
                        method: .get,
                        headers: [.authorization: "Bearer \(world.tokens[.auditor]!)"])
                    let items = try #require(try AuthFixture.object(audit)["items"] as? [[String: Any]])
                    #expect(items.count == 1)
                    #expect((items.first?["before"] as? [String: Any])?["status"] as? String == "confirmed")
                    #expect((items.first?["after"] as? [String: Any])?["status"] as? String == "cancelled")
                }
            }
        }

        @Test("a user changes their own password with the current one, not their roles; stale If-Match is 412")
        func selfService() async throws {
            try await AuthFixture.run { fixture, client in
                let user = try await fixture.addUser("self", roles: [RoleGrant(role: .auditor)])
                let (secret, _) = try await fixture.token(client, username: user.username)
                func patch(_ body: [String: Any], version: String = "\"1\"") async throws -> TestResponse {
                    try await client.execute(
                        uri: "/users/\(user.id)", method: .patch,
                        headers: [.authorization: "Bearer \(secret)", .ifMatch: version],
                        body: AuthFixture.json(body))
                }
                #expect(try await patch(["roles": [["role": "admin"]]]).status == .forbidden)
                #expect(try await patch(["password": "a brand new passphrase"]).status == .unprocessableContent)
                #expect(try await patch(["displayName": "x"], version: "\"9\"").status == .preconditionFailed)
                let changed = try await patch([
                    "password": "a brand new passphrase", "currentPassword": AuthFixture.password,
                ])
                #expect(changed.status == .ok)
                #expect(try await fixture.login(client, username: user.username).status == .unauthorized)
                #expect(
                    try await fixture.login(client, username: user.username, password: "a brand new passphrase").status
                        == .ok)
            }
        }
    }
}
