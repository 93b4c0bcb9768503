import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import TestSupport
import Testing
import WebApp

@Suite("Policy, maintenance and timetable routes")
struct PolicyAndMaintenanceRoutesTests {
    /// A center with one machine, made with SQL; `test` gets a client and the ids.
    func withMachine(
        _ test:
            @escaping @Sendable (any TestClientProtocol, _ center: UUID, _ machine: UUID, _ school: UUID) async throws
            -> Void
    ) async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8)
            let operatorId: UUID = try await db.query(
                "INSERT INTO organizations (name, kind) VALUES (\("运营 \(tag)"), 'center_operator') RETURNING id"
            ).first!.decode("id")
            let school: UUID = try await db.query(
                "INSERT INTO organizations (name, kind) VALUES (\("学校 \(tag)"), 'higher_vocational_college') RETURNING id"
            ).first!.decode("id")
            let center: UUID = try await db.query(
                "INSERT INTO centers (name, operator_id) VALUES (\("中心 \(tag)"), \(operatorId)) RETURNING id"
            ).first!.decode("id")
            let machine: UUID = try await db.query(
                "INSERT INTO resources (center_id, kind, name, seats) VALUES (\(center), 'equipment_line', '激光切割机', 1) RETURNING id"
            ).first!.decode("id")
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                try await test(try await AdminClient.signing(raw, db: db), center, machine, school)
            }
        }
    }

    let policy = """
        {"shares": [{"category": "pilot_production", "minPercent": 0, "maxPercent": 20}],
         "changeovers": [{"resourceKind": "equipment_line", "fromCategory": "pilot_production", "toCategory": "student_training", "minutes": 60}],
         "weights": {"preferredTime": 1, "seriesTimeStability": 2, "roomStability": 1, "minimumDays": 1, "categoryShare": 5,
                     "organizationFairness": 10, "roomSize": 1, "isolatedSlot": 1, "leastChange": 3}}
        """

    @Test("the policy is read with its ETag and replaced with If-Match; bad input names the field")
    func policyRoutes() async throws {
        try await withMachine { client, center, _, _ in
            let path = "/centers/\(center)/policy"
            let initial = try await client.execute(uri: path, method: .get)
            #expect(initial.status == .ok)
            #expect(initial.headers[.eTag] == "\"0\"")
            #expect(
                try await client.execute(uri: path, method: .put, body: ByteBuffer(string: policy)).status
                    == .preconditionRequired)
            let stored = try await client.execute(
                uri: path, method: .put, headers: [.ifMatch: "\"0\""], body: ByteBuffer(string: policy))
            #expect(stored.status == .ok)
            #expect(stored.headers[.eTag] == "\"1\"")
            #expect(String(buffer: stored.body).contains("\"organizationFairness\":10"))
            let stale = try await client.execute(
                uri: path, method: .put, headers: [.ifMatch: "\"0\""], body: ByteBuffer(string: policy))
            #expect(stale.status == .preconditionFailed)
            let bad = try await client.execute(
                uri: path, method: .put, headers: [.ifMatch: "\"1\""],
                body: ByteBuffer(string: policy.replacingOccurrences(of: "\"minutes\": 60", with: "\"minutes\": 99999"))
            )
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("\"field\":\"/changeovers/0/minutes\""))
            let missing = try await client.execute(
                uri: path, method: .put, headers: [.ifMatch: "\"1\""],
                body: ByteBuffer(string: #"{"shares": [], "changeovers": []}"#))
            #expect(missing.status == .unprocessableContent)
            #expect(String(buffer: missing.body).contains("\"field\":\"/weights\""))
            #expect(try await client.execute(uri: "/centers/\(UUID())/policy", method: .get).status == .notFound)
        }
    }

    @Test("maintenance is scheduled, blocks booking with 409, lists, and is removed with 204")
    func maintenanceRoutes() async throws {
        try await withMachine { client, center, machine, school in
            let window = try await client.execute(
                uri: "/resources/\(machine)/maintenance", method: .post,
                body: ByteBuffer(
                    string:
                        #"{"start": "2026-03-02T08:00:00+08:00", "end": "2026-03-02T12:00:00+08:00", "reason": "激光器校准"}"#
                ))
            #expect(window.status == .created)
            let location = try #require(window.headers[.location])
            let booking = """
                {"organizationId": "\(school)", "category": "student_training", "title": "激光切割实训",
                 "start": "2026-03-02T10:00:00+08:00", "end": "2026-03-02T11:00:00+08:00", "resources": [{"resourceId": "\(machine)"}]}
                """
            let refused = try await client.execute(
                uri: "/centers/\(center)/bookings", method: .post, body: ByteBuffer(string: booking))
            #expect(refused.status == .conflict)
            #expect(String(buffer: refused.body).contains("maintenance"))
            let listed = try await client.execute(
                uri: "/resources/\(machine)/maintenance?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z", method: .get
            )
            #expect(String(buffer: listed.body).contains("激光器校准"))
            let bad = try await client.execute(
                uri: "/resources/\(machine)/maintenance", method: .post,
                body: ByteBuffer(
                    string:
                        #"{"start": "2026-03-02T08:00:00+08:00", "end": "2026-03-01T12:00:00+08:00", "reason": "x"}"#))
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("\"rule\":\"afterStart\""))
            #expect(try await client.execute(uri: location, method: .delete).status == .noContent)
            #expect(try await client.execute(uri: location, method: .delete).status == .notFound)
            #expect(
                try await client.execute(
                    uri: "/centers/\(center)/bookings", method: .post, body: ByteBuffer(string: booking)
                ).status == .created)

            let timetable = try await client.execute(
                uri: "/organizations/\(school)/timetable?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z",
                method: .get)
            #expect(timetable.status == .ok)
            #expect(String(buffer: timetable.body).contains("激光切割实训"))
            for kind in ["instructors", "cohorts", "organizations", "resources"] {
                let unknown = try await client.execute(
                    uri: "/\(kind)/\(UUID())/timetable?from=2026-03-02T00:00:00Z&to=2026-03-03T00:00:00Z", method: .get)
                #expect(unknown.status == .notFound)
            }
        }
    }

    @Test("the shared-course catalogue lists offerings; decisions take a date and refuse a bad one")
    func sharedCourses() async throws {
        try await withMachine { client, center, _, _ in
            let catalogue = try await client.execute(uri: "/centers/\(center)/shared-courses", method: .get)
            #expect(catalogue.status == .ok)
            #expect(String(buffer: catalogue.body) == #"{"items":[]}"#)
            let decided = try await client.execute(
                uri: "/centers/\(center)/shared-courses/decisions", method: .post,
                body: ByteBuffer(string: #"{"asOf": "2026-03-20"}"#))
            #expect(decided.status == .ok)
            let today = try await client.execute(
                uri: "/centers/\(center)/shared-courses/decisions", method: .post, body: ByteBuffer(string: "{}"))
            #expect(today.status == .ok)
            let bad = try await client.execute(
                uri: "/centers/\(center)/shared-courses/decisions", method: .post,
                body: ByteBuffer(string: #"{"asOf": "2026-13-01"}"#))
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("\"field\":\"/asOf\""))
            #expect(
                try await client.execute(uri: "/centers/\(UUID())/shared-courses", method: .get).status == .notFound)
        }
    }
}
