import Access
import Database
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
        let tag = UUID().uuidString.prefix(8)
        let organizations = OrganizationService(database: db)
        let centers = CenterService(database: db)
        let operatorOrg = try await organizations.create(name: "运营 \(tag)", kind: .centerOperator, as: .system)
        let enterprise = try await organizations.create(name: "集团 \(tag)", kind: .largeEnterprise, as: .system)
        let center = try await centers.create(NewCenter(name: "中心 \(tag)", operatorId: operatorOrg.id), as: .system)
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
                        earliest: "2026-03-02", latest: "2026-03-06")),
                submit: true),
            in: center.id, as: .system)
        return center.id
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
                while try await PlanService(database: db).plan(plan.id).status.isSettled == false {
                    if try await worker.runOnce() == nil { await Task.yield() }
                }
                let events = try await client.execute(uri: "/plans/\(plan.id)/events", method: .get)
                #expect(events.status == .ok)
                #expect(events.headers[.contentType] == "text/event-stream")
                #expect(String(buffer: events.body).hasPrefix("event: succeeded\ndata: {"))

                let read = try await client.execute(uri: "/plans/\(plan.id)", method: .get)
                let body = String(buffer: read.body)
                #expect(body.contains("\"placed\":2"))
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
            }
        }
    }
}
