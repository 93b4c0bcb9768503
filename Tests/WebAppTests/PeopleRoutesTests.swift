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

@Suite("Organization, cohort and instructor routes")
struct PeopleRoutesTests {
    @Test("register a school, add a class and an instructor; bad input names the field")
    func people() async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8)
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                let client = try await AdminClient.signing(raw, db: db)
                func post(_ uri: String, _ body: String) async throws -> TestResponse {
                    try await client.execute(uri: uri, method: .post, body: ByteBuffer(string: body))
                }
                let school = try await post(
                    "/organizations", #"{"name": "山东理工职业学院 \#(tag)", "kind": "higher_vocational_college"}"#)
                #expect(school.status == .created)
                let schoolURI = try #require(school.headers[.location])
                let schoolId = schoolURI.split(separator: "/").last!
                #expect(
                    try await post("/organizations", #"{"name": "山东理工职业学院 \#(tag)", "kind": "sme"}"#).status
                        == .conflict)
                #expect(
                    try await post("/organizations", #"{"name": "x", "kind": "guild"}"#).status == .unprocessableContent
                )

                let cohort = try await post(schoolURI + "/cohorts", #"{"name": "智能制造2501班", "size": 38}"#)
                #expect(cohort.status == .created)
                let badSize = try await post(schoolURI + "/cohorts", #"{"name": "大班", "size": 5000}"#)
                #expect(String(buffer: badSize.body).contains("\"field\":\"/size\""))
                let cohorts = try await client.execute(uri: schoolURI + "/cohorts", method: .get)
                #expect(String(buffer: cohorts.body).contains("智能制造2501班"))

                let operatorOrg = try await post(
                    "/organizations", #"{"name": "运营 \#(tag)", "kind": "center_operator"}"#)
                let operatorId = try #require(operatorOrg.headers[.location]).split(separator: "/").last!
                let center = try await post("/centers", #"{"name": "中心 \#(tag)", "operatorId": "\#(operatorId)"}"#)
                let centerURI = try #require(center.headers[.location])
                try await TestDatabase.catalogue(
                    ["plc", "robot.industrial"],
                    in: try #require(UUID(uuidString: String(centerURI.split(separator: "/").last!))),
                    on: db)
                let instructor = try await post(
                    centerURI + "/instructors",
                    """
                    {"organizationId": "\(schoolId)", "name": "郑老师", "postType": "flexible", "weeklyHourCap": 16,
                     "skills": [{"skill": "plc", "expiresOn": "2027-06-30"}, {"skill": "robot.industrial"}],
                     "availability": [{"weekday": 2, "from": "08:00", "to": "12:00"}, {"weekday": 5, "from": "18:30", "to": "24:00"}]}
                    """)
                #expect(instructor.status == .created)
                #expect(
                    String(buffer: instructor.body).contains(
                        #""availability":[{"from":"08:00","to":"12:00","weekday":2},{"from":"18:30","to":"24:00","weekday":5}]"#
                    ), "the times read back byte for byte")
                let listed = String(
                    buffer: try await client.execute(uri: centerURI + "/instructors", method: .get).body)
                #expect(listed.contains("2027-06-30"))
                #expect(listed.contains("\"from\":\"08:00\""))
                let notAffiliated = try await post(
                    centerURI + "/instructors",
                    """
                    {"organizationId": "\(operatorId)", "name": "x", "postType": "fixed", "weeklyHourCap": 16, "skills": [], "availability": []}
                    """)
                #expect(String(buffer: notAffiliated.body).contains("\"field\":\"/organizationId\""))
                let badTime = try await post(
                    centerURI + "/instructors",
                    """
                    {"organizationId": "\(schoolId)", "name": "x", "postType": "fixed", "weeklyHourCap": 16, "skills": [],
                     "availability": [{"weekday": 2, "from": "12:00", "to": "08:00"}]}
                    """)
                #expect(String(buffer: badTime.body).contains("\"field\":\"/availability/0/to\""))
                let unreadable = try await post(
                    centerURI + "/instructors",
                    """
                    {"organizationId": "\(schoolId)", "name": "x", "postType": "fixed", "weeklyHourCap": 16, "skills": [],
                     "availability": [{"weekday": 2, "from": "08:00", "to": "12:00"}, {"weekday": 3, "from": "13:00", "to": "25:00"}]}
                    """)
                #expect(unreadable.status == .unprocessableContent)
                let refusal = String(buffer: unreadable.body)
                #expect(refusal.contains(#""field":"/availability/1/to""#) && refusal.contains(#""rule":"time""#))
                #expect(refusal.contains("The to ('25:00') is not a time like 08:00."))
                // every page of operators (other tests add theirs to the same database)
                var operators = ""
                for offset in stride(from: 0, to: 100_000, by: 500) {
                    let page = String(
                        buffer: try await client.execute(
                            uri: "/organizations?kind=center_operator&limit=500&offset=\(offset)", method: .get
                        ).body)
                    operators += page
                    if !page.contains("\"id\"") { break }
                }
                #expect(operators.contains("运营 \(tag)"))
                #expect(!operators.contains("山东理工职业学院 \(tag)"))
            }
        }
    }

    @Test("an instructor lists their own record at a center, whatever page others fill; a manager lists every one")
    func instructorListing() async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8).lowercased()
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                let admin = try await AdminClient.signing(raw, db: db)
                func created(_ uri: String, _ body: String) async throws -> String {
                    let response = try await admin.execute(uri: uri, method: .post, body: ByteBuffer(string: body))
                    #expect(response.status == .created, "\(uri): \(String(buffer: response.body))")
                    let object = try #require(
                        try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                    return try #require(object["id"] as? String)
                }
                let school = try await created(
                    "/organizations", #"{"name": "职业学院 \#(tag)", "kind": "higher_vocational_college"}"#)
                let operatorId = try await created(
                    "/organizations", #"{"name": "运营 \#(tag)", "kind": "center_operator"}"#)
                let center = try await created("/centers", #"{"name": "中心 \#(tag)", "operatorId": "\#(operatorId)"}"#)
                var ids: [String] = []
                for name in ["安老师", "白老师", "陈老师"] {  // the last by name is the one who signs in
                    ids.append(
                        try await created(
                            "/centers/\(center)/instructors",
                            """
                            {"organizationId": "\(school)", "name": "\(name)", "postType": "fixed", "weeklyHourCap": 16, "skills": [], "availability": []}
                            """))
                }
                _ = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
                    NewUser(
                        username: "chen-\(tag)", displayName: "陈老师", organizationId: UUID(uuidString: school)!,
                        password: nil,
                        roles: [RoleGrant(role: .instructor, instructorId: UUID(uuidString: ids[2])!)]), as: .system)
                let token = try await TokenService(database: db).create(
                    NewToken(name: "t"), for: "chen-\(tag)", as: .system
                ).secret
                func names(_ uri: String, token: String? = nil) async throws -> [String] {
                    var headers: HTTPFields = [:]
                    if let token { headers[.authorization] = "Bearer \(token)" }
                    let response = try await admin.execute(uri: uri, method: .get, headers: headers)
                    #expect(response.status == .ok)
                    let listing = try #require(
                        try JSONSerialization.jsonObject(with: Data(response.body.readableBytesView)) as? [String: Any])
                    return (listing["items"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
                }
                let own = try await names("/centers/\(center)/instructors?limit=1", token: token)
                #expect(own == ["陈老师"])
                let beyond = try await names("/centers/\(center)/instructors?limit=1&offset=1", token: token)
                #expect(beyond.isEmpty)
                let all = try await names("/centers/\(center)/instructors")
                #expect(all == ["安老师", "白老师", "陈老师"])
            }
        }
    }
}
