import Access
import Database
import Dates
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Planning
import Service
import TestSupport
import Testing
import WebApp

@Suite("Plan routes")
struct PlanRoutesTests {
    struct Created: Decodable {
        let id: UUID
        let status: String
    }

    func json(_ object: [String: Any]) -> ByteBuffer {
        ByteBuffer(bytes: try! JSONSerialization.data(withJSONObject: object))
    }

    /// A center open weekdays 08:00–18:00 with one PLC lab, one instructor, and one enterprise's
    /// submitted request for two evenings' worth of PLC upskilling in the first week of March 2026.
    func center(_ db: Database) async throws -> UUID {
        try await centerAndEnterprise(db).center
    }

    /// ``center(_:)`` and the enterprise that asked.
    func centerAndEnterprise(_ db: Database) async throws -> (center: UUID, enterprise: UUID) {
        let tag = UUID().uuidString.prefix(8)
        let organizations = OrganizationService(database: db)
        let centers = CenterService(database: db)
        let operatorOrg = try await organizations.create(name: "运营 \(tag)", kind: .centerOperator, as: .system)
        let enterprise = try await organizations.create(name: "集团 \(tag)", kind: .largeEnterprise, as: .system)
        let center = try await centers.create(NewCenter(name: "中心 \(tag)", operatorId: operatorOrg.id), as: .system)
        try await TestDatabase.catalogue(["plc"], in: center.id, on: db)
        _ = try await CalendarService(database: db).setOpeningHours(
            (1...5).map { OpeningHours(weekday: $0, opens: "08:00", closes: "18:00") }, of: center.id, as: .system)
        _ = try await centers.addResource(
            NewResource(kind: .room, name: "PLC 实验室", capabilities: ["plc"], seats: 30), to: center.id, as: .system)
        _ = try await organizations.addInstructor(
            NewInstructor(
                organizationId: enterprise.id, name: "黄敏", postType: .fixed, weeklyHourCap: 20,
                skills: [.init(skill: "plc")],
                availability: (1...5).map { .init(weekday: $0, from: "08:00", to: "18:00") }),
            to: center.id, as: .system)
        _ = try await RequestService(database: db).create(
            NewRequest(
                organizationId: enterprise.id, title: "PLC 维护",
                details: .employeeUpskilling(
                    .init(
                        participants: 10, course: "PLC 维护", skill: "plc", totalHours: 4, sessionMinutes: 120,
                        earliest: CalendarDate(iso: "2026-03-02")!, latest: CalendarDate(iso: "2026-03-06")!)),
                submit: true),
            in: center.id, as: .system)
        return (center.id, enterprise.id)
    }

    /// Runs `body` against the API with an admin's token.
    func withAPI(_ db: Database, _ body: @escaping @Sendable (AdminClient) async throws -> Void) async throws {
        let router = buildRouter(
            database: db,
            migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory)))
        try await Application(router: router).test(.router) { raw in
            try await body(try await AdminClient.signing(raw, db: db))
        }
    }

    @Test("queue, follow as Server-Sent Events, read the proposal, publish once; bad input is a problem")
    func lifecycle() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let centerId = try await center(db)
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { raw in
                let client = try await AdminClient.signing(raw, db: db)
                let bad = try await client.execute(
                    uri: "/centers/\(centerId)/plans", method: .post,
                    body: json(["horizon": ["from": "2026-03-06", "to": "2026-03-02"]]))
                #expect(bad.status == .unprocessableContent)
                #expect(bad.headers[.contentType] == "application/problem+json")
                #expect(String(buffer: bad.body).contains("\"field\":\"/horizon/to\""))
                for (horizon, field, value) in [
                    (["from": "2026-02-30", "to": "2026-03-06"], "from", "2026-02-30"),
                    (["from": "2026-03-02", "to": "06/03/2026"], "to", "06/03/2026"),
                ] {
                    let unreadable = try await client.execute(
                        uri: "/centers/\(centerId)/plans", method: .post, body: json(["horizon": horizon]))
                    #expect(unreadable.status == .unprocessableContent)
                    let refusal = String(buffer: unreadable.body)
                    #expect(refusal.contains(#""field":"/horizon/\#(field)""#) && refusal.contains(#""rule":"date""#))
                    #expect(refusal.contains("The \(field) ('\(value)') is not a date like 2026-03-02."))
                }
                let unknown = try await client.execute(
                    uri: "/centers/\(centerId)/plans", method: .post,
                    body: json([
                        "horizon": ["from": "2026-03-02", "to": "2026-03-06"], "requestIds": [UUID().uuidString],
                    ]))
                #expect(unknown.status == .unprocessableContent)
                #expect(String(buffer: unknown.body).contains("\"field\":\"/requestIds/0\""))
                #expect(try await client.execute(uri: "/plans/\(UUID())", method: .get).status == .notFound)

                let queued = try await client.execute(
                    uri: "/centers/\(centerId)/plans", method: .post,
                    body: json(["horizon": ["from": "2026-03-02", "to": "2026-03-06"], "timeLimitSeconds": 0.2]))
                #expect(queued.status == .accepted)
                let plan = try JSONDecoder().decode(Created.self, from: Data(queued.body.readableBytesView))
                #expect(plan.status == "queued")
                #expect(queued.headers[.location] == "/plans/\(plan.id)")

                let worker = PlanWorker(database: db, logger: Logger(label: "test.worker"))
                while try await PlanService(database: db).plan(plan.id, as: .system).status.isSettled == false {
                    if try await worker.runOnce() == nil { await Task.yield() }
                }
                let events = try await client.execute(uri: "/plans/\(plan.id)/events", method: .get)
                #expect(events.status == .ok)
                #expect(events.headers[.contentType] == "text/event-stream")
                #expect(String(buffer: events.body).hasPrefix("event: succeeded\ndata: {"))

                let read = try await client.execute(uri: "/plans/\(plan.id)", method: .get)
                let body = String(buffer: read.body)
                #expect(body.contains("\"placed\":2"))
                #expect(
                    body.contains(#""horizon":{"from":"2026-03-02","to":"2026-03-06"}"#),
                    "the dates read back unchanged")
                #expect(body.contains("\"feasible\":true"))
                let listed = try await client.execute(uri: "/centers/\(centerId)/plans", method: .get)
                #expect(String(buffer: listed.body).contains(plan.id.uuidString))

                let published = try await client.execute(uri: "/plans/\(plan.id)/publish", method: .post)
                #expect(published.status == .ok)
                #expect(String(buffer: published.body).contains("\"status\":\"published\""))
                let again = try await client.execute(uri: "/plans/\(plan.id)/publish", method: .post)
                #expect(again.status == .conflict)
                #expect(again.headers[.contentType] == "application/problem+json")
                #expect(String(buffer: again.body).contains("/problems/conflict"))
                #expect(String(buffer: again.body).contains(#""rule":"planStatus""#))
            }
        }
    }

    @Test("a center holds at most two queued or running runs (429 with Retry-After); cancelling frees a place")
    func limitAndCancel() async throws {
        // a database of its own: no worker of another test can take these runs
        try await TestDatabase.withMigratedDatabase { db in
            let centerId = try await center(db)
            try await withAPI(db) { client in
                let horizon = json(["horizon": ["from": "2026-03-02", "to": "2026-03-06"]])
                func queue() async throws -> TestResponse {
                    try await client.execute(uri: "/centers/\(centerId)/plans", method: .post, body: horizon)
                }
                let (first, second) = (try await queue(), try await queue())
                #expect(first.status == .accepted && second.status == .accepted)
                let third = try await queue()
                #expect(third.status == .tooManyRequests)
                #expect(third.headers[.retryAfter] == "30")
                #expect(third.headers[.contentType] == "application/problem+json")

                let id = try JSONDecoder().decode(Created.self, from: Data(first.body.readableBytesView)).id
                let cancelled = try await client.execute(uri: "/plans/\(id)/cancel", method: .post)
                #expect(cancelled.status == .ok)
                #expect(String(buffer: cancelled.body).contains("\"status\":\"cancelled\""))
                let again = try await client.execute(uri: "/plans/\(id)/cancel", method: .post)
                #expect(again.status == .conflict)
                #expect(again.headers[.contentType] == "application/problem+json")
                #expect(try await client.execute(uri: "/plans/\(UUID())/cancel", method: .post).status == .notFound)
                #expect(try await queue().status == .accepted)

                let audited: Int = try await db.query(
                    """
                    SELECT count(*)::int4 AS n FROM audit_log
                    WHERE entity = 'plan' AND action = 'cancel' AND entity_id = \(id.uuidString)
                    """
                ).first!.decode("n")
                #expect(audited == 1)
            }
        }
    }

    @Test(
        "a request whose dates or times do not parse is refused with 422 naming the field; good ones read back unchanged"
    )
    func typedDates() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let (centerId, enterprise) = try await centerAndEnterprise(db)
            try await withAPI(db) { client in
                func post(_ details: String) async throws -> TestResponse {
                    try await client.execute(
                        uri: "/centers/\(centerId)/requests", method: .post,
                        body: ByteBuffer(
                            string: """
                                {"organizationId": "\(enterprise)", "category": "employee_upskilling", "title": "PLC",
                                 "details": {"participants": 5, "course": "PLC", "skill": "plc", "totalHours": 4,
                                             "sessionMinutes": 120, \(details)}}
                                """))
                }
                for (details, field) in [
                    (#""earliest": "2026-02-30", "latest": "2026-03-06""#, "/details/earliest"),
                    (#""earliest": "2026-03-02", "latest": "6 March""#, "/details/latest"),
                    (
                        #""earliest": "2026-03-02", "latest": "2026-03-06", "allowedTimes": [{"weekdays": [1], "from": "6pm", "to": "21:00"}]"#,
                        "/details/allowedTimes/0/from"
                    ),
                ] {
                    let refused = try await post(details)
                    #expect(refused.status == .unprocessableContent, "\(field)")
                    #expect(String(buffer: refused.body).contains("\"field\":\"\(field)\""))
                }
                let good = try await post(
                    #""earliest": "2026-03-02", "latest": "2026-03-06", "allowedTimes": [{"weekdays": [1], "from": "08:00", "to": "21:30"}]"#
                )
                #expect(good.status == .created)
                let body = String(buffer: good.body)
                #expect(body.contains(#""earliest":"2026-03-02""#) && body.contains(#""latest":"2026-03-06""#))
                #expect(body.contains(#""from":"08:00""#) && body.contains(#""to":"21:30""#))
            }
        }
    }
}
