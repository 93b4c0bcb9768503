import Access
import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Shared-course and request routes by role")
struct RequestScopeRoutesTests {
    @Test("GET shared-courses shows an SME only its own seat requests; the listing of requests only its own")
    func catalogueScope() async throws {
        try await TestDatabase.withPool { db in
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                let admin = try await AdminClient.signing(raw, db: db)
                let tag = UUID().uuidString.prefix(8)
                func created(_ uri: String, _ body: String) async throws -> String {
                    let response = try await admin.execute(uri: uri, method: .post, body: ByteBuffer(string: body))
                    #expect(response.status == .created, "\(uri): \(String(buffer: response.body))")
                    return String(try #require(response.headers[.location]).split(separator: "/").last!)
                }
                let operatorId = try await created(
                    "/organizations", #"{"name": "运营 \#(tag)", "kind": "center_operator"}"#)
                let own = try await created("/organizations", #"{"name": "小微甲 \#(tag)", "kind": "sme"}"#)
                let other = try await created("/organizations", #"{"name": "小微乙 \#(tag)", "kind": "sme"}"#)
                let center = try await created("/centers", #"{"name": "中心 \#(tag)", "operatorId": "\#(operatorId)"}"#)
                try await TestDatabase.catalogue(["plc"], in: try #require(UUID(uuidString: center)), on: db)
                let course = try await created(
                    "/centers/\(center)/requests",
                    """
                    {"organizationId": "\(operatorId)", "category": "shared_employee", "title": "PLC 共享课程",
                     "details": {"capacity": 10, "minEnrolment": 4, "decisionDate": "2026-03-20", "sessions": 4,
                                 "sessionMinutes": 180, "skill": "plc"}, "submit": true}
                    """)
                try await TestDatabase.dateCourse(try #require(UUID(uuidString: course)), on: db)
                var seatRequests: [String: String] = [:]
                for (organization, seats) in [(own, 3), (other, 5)] {
                    seatRequests[organization] = try await created(
                        "/centers/\(center)/requests",
                        """
                        {"organizationId": "\(organization)", "category": "shared_employee", "title": "座位",
                         "details": {"courseRequestId": "\(course)", "seats": \(seats)}, "submit": true}
                        """)
                }
                let sme = try await AdminClient.signing(
                    raw, db: db, organizationId: UUID(uuidString: own)!,
                    roles: [RoleGrant(role: .enterpriseCoordinator)])
                let catalogue = try await sme.execute(uri: "/centers/\(center)/shared-courses", method: .get)
                #expect(catalogue.status == .ok)
                let body = String(buffer: catalogue.body).lowercased()
                #expect(body.contains(seatRequests[own]!.lowercased()))
                #expect(body.contains("\"seatsrequested\":8"), "the aggregates count every SME")
                #expect(body.contains(#""decisiondate":"2026-03-20""#), "the decision date reads back unchanged")
                #expect(!body.contains(other.lowercased()), "another SME's organization id leaked")
                #expect(!body.contains(seatRequests[other]!.lowercased()), "another SME's request id leaked")

                let listing = try await sme.execute(uri: "/centers/\(center)/requests", method: .get)
                #expect(listing.status == .ok)
                let listed = String(buffer: listing.body).lowercased()
                #expect(listed.contains(seatRequests[own]!.lowercased()) && !listed.contains(other.lowercased()))
                let foreign = try await sme.execute(uri: "/requests/\(seatRequests[other]!)", method: .get)
                #expect(foreign.status == .notFound)
                let withdraw = try await sme.execute(
                    uri: "/requests/\(seatRequests[other]!)/transitions", method: .post, headers: [.ifMatch: "\"1\""],
                    body: ByteBuffer(string: #"{"to": "cancelled"}"#))
                #expect(withdraw.status == .notFound, "the same answer on every route")
                let decided = try await admin.execute(
                    uri: "/centers/\(center)/shared-courses/decisions", method: .post,
                    body: ByteBuffer(string: #"{"asOf": "2026-03-21"}"#))
                let decision = String(buffer: decided.body)
                #expect(
                    decision.contains(#""decidedOn":"2026-03-21""#)
                        && decision.contains(#""decisionDate":"2026-03-20""#))
            }
        }
    }
}
