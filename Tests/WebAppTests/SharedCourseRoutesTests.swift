import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Shared-course products through the API")
struct SharedCourseRoutesTests {
    /// `field` and `rule` of a problem+json answer with `status`.
    static func problem(_ response: TestResponse, _ status: HTTPResponse.Status) throws -> (String?, String?) {
        #expect(response.status == status, "\(String(buffer: response.body))")
        #expect(response.headers[.contentType] == "application/problem+json")
        let object = try AuthFixture.object(response)
        return (object["field"] as? String, object["rule"] as? String)
    }

    @Test(
        "a college offers; seats are bought by naming people once the course is dated; names replaced by their SME only"
    )
    func products() async throws {
        try await TestDatabase.withPool { db in
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                let admin = try await AdminClient.signing(raw, db: db)
                let tag = UUID().uuidString.prefix(8)
                let operatorId = try await admin.created(
                    "/organizations", #"{"name": "运营 \#(tag)", "kind": "center_operator"}"#)
                let college = try await admin.created(
                    "/organizations", #"{"name": "职院 \#(tag)", "kind": "higher_vocational_college"}"#)
                let own = try await admin.created("/organizations", #"{"name": "小微甲 \#(tag)", "kind": "sme"}"#)
                let other = try await admin.created("/organizations", #"{"name": "小微乙 \#(tag)", "kind": "sme"}"#)
                let center = try await admin.created(
                    "/centers", #"{"name": "中心 \#(tag)", "operatorId": "\#(operatorId)"}"#)
                try await TestDatabase.catalogue(["plc"], in: center, on: db)
                let school = try await AdminClient.signing(
                    raw, db: db, organizationId: college, roles: [RoleGrant(role: .schoolCoordinator)])
                let course = try await school.created(
                    "/centers/\(center)/requests",
                    """
                    {"organizationId": "\(college)", "category": "shared_employee", "title": "PLC 共享课程",
                     "details": {"capacity": 10, "minEnrolment": 4, "decisionDate": "2031-03-20", "sessions": 4,
                                 "sessionMinutes": 180, "skill": "plc"}, "submit": true}
                    """)
                let sme = try await AdminClient.signing(
                    raw, db: db, organizationId: own, roles: [RoleGrant(role: .enterpriseCoordinator)])
                let stranger = try await AdminClient.signing(
                    raw, db: db, organizationId: other, roles: [RoleGrant(role: .enterpriseCoordinator)])
                func buy(_ body: String) async throws -> TestResponse {
                    try await sme.execute(
                        uri: "/centers/\(center)/shared-courses/\(course)/seats", method: .post,
                        body: ByteBuffer(string: body))
                }
                let two =
                    #"{"participants": [{"name": "王强", "number": "E1", "position": "电工"}, {"name": "李娜", "number": "E2"}]}"#
                #expect(
                    try Self.problem(try await buy(two), .unprocessableContent) == ("/details/courseRequestId", "dated")
                )

                try await TestDatabase.dateCourse(course, on: db)
                #expect(
                    try Self.problem(try await buy(#"{"participants": []}"#), .unprocessableContent)
                        == ("/participants", "required"))
                #expect(
                    try Self.problem(
                        try await buy(#"{"participants": [{"name": "王强"}, {"name": "李娜", "number": "E 2"}]}"#),
                        .unprocessableContent) == ("/participants/1/number", "format"))
                let bought = try await buy(two)
                #expect(bought.status == .created, "\(String(buffer: bought.body))")
                let purchase = try AuthFixture.object(bought)
                let people = try #require(purchase["participants"] as? [[String: Any]])
                #expect(people.compactMap { $0["position"] as? String } == ["电工"])
                let first = try #require(people.first?["id"] as? String)

                let replacement = #"{"name": "赵磊", "number": "E3", "position": "班长"}"#
                let refused = try await stranger.execute(
                    uri: "/participants/\(first)/replacement", method: .post, body: ByteBuffer(string: replacement))
                #expect(refused.status == .notFound)
                let replaced = try await sme.execute(
                    uri: "/participants/\(first)/replacement", method: .post, body: ByteBuffer(string: replacement))
                #expect(replaced.status == .created, "\(String(buffer: replaced.body))")
                #expect(try AuthFixture.object(replaced)["name"] as? String == "赵磊")
            }
        }
    }
}
