import Access
import Database
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Service
import TestSupport
import Testing
import WebApp

/// What other organizations' bookings reveal over the API: timetables read across centers, and
/// the changeover buffers a hidden booking causes (their length would tell its category).
@Suite("Disclosure of other organizations' bookings")
struct DisclosureRoutesTests {
    /// Two centers with a line each, a school with a cohort, an enterprise, a 120-minute cleaning
    /// buffer from pilot production to student training at the first center.
    struct World: Sendable {
        let db: Database
        let centers: [UUID]
        let lines: [UUID]
        let school: UUID
        let cohort: UUID
        let enterprise: UUID

        /// 2026-03-02 at `hour` in Shanghai.
        static func time(_ hour: Int, _ minute: Int = 0) -> Date {
            Date(timeIntervalSince1970: TimeInterval(1_772_380_800 + hour * 3600 + minute * 60))
        }

        static func iso(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }

        /// An API token of a new account of `organizationId` with these roles.
        func token(_ roles: [RoleGrant], of organizationId: UUID) async throws -> HTTPFields {
            let token = try await AdminClient.token(
                db: db, username: "u-\(UUID().uuidString.prefix(8).lowercased())", organizationId: organizationId,
                roles: roles)
            return [.authorization: "Bearer \(token)", .contentType: "application/json"]
        }

        func book(
            _ organizationId: UUID, _ category: Domain.Category, at center: Int, from: Int, to: Int,
            cohorts: [UUID]? = nil
        ) async throws -> Booking {
            try await BookingService(database: db, now: TestClock.term).book(
                NewBooking(
                    organizationId: organizationId, category: category, title: "\(category.rawValue) \(from)",
                    start: Self.time(from), end: Self.time(to), resources: [.init(resourceId: lines[center])],
                    cohortIds: cohorts), in: centers[center], as: .system)
        }
    }

    func withWorld(_ body: @escaping @Sendable (World, any TestClientProtocol) async throws -> Void) async throws {
        try await TestDatabase.withPool { db in
            let tag = UUID().uuidString.prefix(8)
            func organization(_ name: String, _ kind: String) async throws -> UUID {
                try await db.query(
                    "INSERT INTO organizations (name, kind) VALUES (\("\(name) \(tag)"), \(kind)::organization_kind) RETURNING id"
                ).first!.decode("id")
            }
            let operatorId = try await organization("运营", "center_operator")
            let school = try await organization("学校", "higher_vocational_college")
            let enterprise = try await organization("企业", "large_enterprise")
            let cohort: UUID = try await db.query(
                "INSERT INTO cohorts (organization_id, name, size) VALUES (\(school), '数控2301班', 40) RETURNING id"
            ).first!.decode("id")
            let service = CenterService(database: db)
            var (centers, lines): ([UUID], [UUID]) = ([], [])
            for name in ["甲", "乙"] {
                let center = try await service.create(
                    NewCenter(name: "中心\(name) \(tag)", operatorId: operatorId), as: .system)
                centers.append(center.id)
                lines.append(
                    try await service.addResource(
                        NewResource(kind: .equipmentLine, name: "产线", seats: 1), to: center.id, as: .system
                    ).id)
            }
            let policies = PolicyService(database: db)
            var policy = try await policies.policy(of: centers[0], as: .system)
            policy.changeovers = [
                ChangeoverRule(
                    resourceKind: .equipmentLine, fromCategory: .pilotProduction, toCategory: .studentTraining,
                    minutes: 120)
            ]
            _ = try await policies.replace(policy, of: centers[0], version: policy.version ?? 0, as: .system)
            let world = World(
                db: db, centers: centers, lines: lines, school: school, cohort: cohort, enterprise: enterprise)
            let router = buildRouter(
                database: db,
                migrator: Migrator(database: db, migrations: try Migration.load(from: TestDatabase.migrationsDirectory))
            )
            try await Application(router: router).test(.router) { client in try await body(world, client) }
        }
    }

    struct Entries: Decodable {
        struct Entry: Decodable {
            let bookingId: UUID?
            let end: Date
            let occupied: Bool?
            let category: String?
        }
        let items: [Entry]
    }

    static func decode<T: Decodable>(_ type: T.Type, _ response: TestResponse) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try decoder.decode(T.self, from: Data(response.body.readableBytesView))
    }

    static let range = "from=\(World.iso(World.time(0)))&to=\(World.iso(World.time(24)))"

    @Test("a manager reads an organization's or a cohort's timetable only at the centers they manage")
    func crossCenterTimetables() async throws {
        try await withWorld { world, client in
            let atFirst = try await world.book(
                world.school, .studentTraining, at: 0, from: 8, to: 10, cohorts: [world.cohort])
            let second = try await world.token(
                [RoleGrant(role: .centerManager, centerId: world.centers[1])], of: world.enterprise)
            // the school has no work at the second center: its manager may not know of its timetables
            for path in ["organizations/\(world.school)", "cohorts/\(world.cohort)"] {
                let response = try await client.execute(
                    uri: "/\(path)/timetable?\(Self.range)", method: .get, headers: second)
                #expect(response.status == .notFound, "\(path)")
                #expect(!String(buffer: response.body).contains(atFirst.id.uuidString.lowercased()))
            }
            // once it has, the manager reads the entries at their own center only
            let atSecond = try await world.book(world.school, .studentTraining, at: 1, from: 13, to: 15)
            let own = try await client.execute(
                uri: "/organizations/\(world.school)/timetable?\(Self.range)", method: .get, headers: second)
            #expect(own.status == .ok)
            #expect(try Self.decode(Entries.self, own).items.map(\.bookingId) == [atSecond.id])
            let first = try await world.token(
                [RoleGrant(role: .centerManager, centerId: world.centers[0])], of: world.enterprise)
            let theirs = try await client.execute(
                uri: "/organizations/\(world.school)/timetable?\(Self.range)", method: .get, headers: first)
            #expect(try Self.decode(Entries.self, theirs).items.map(\.bookingId) == [atFirst.id])
            // the school itself reads its timetable at every center
            let coordinator = try await world.token([RoleGrant(role: .schoolCoordinator)], of: world.school)
            let all = try await client.execute(
                uri: "/organizations/\(world.school)/timetable?\(Self.range)", method: .get, headers: coordinator)
            #expect(try Self.decode(Entries.self, all).items.map(\.bookingId) == [atFirst.id, atSecond.id])
        }
    }

    @Test(
        "to others, a hidden booking and its changeover buffers are one occupied block in listings, timetables and 409s"
    )
    func buffersStayHidden() async throws {
        try await withWorld { world, client in
            let pilot = try await world.book(world.enterprise, .pilotProduction, at: 0, from: 8, to: 10)
            let school = try await world.token([RoleGrant(role: .schoolCoordinator)], of: world.school)
            let buffered = World.time(12)

            let listed = try await client.execute(
                uri: "/centers/\(world.centers[0])/bookings?\(Self.range)", method: .get, headers: school)
            #expect(listed.status == .ok)
            let items = try Self.decode(Entries.self, listed).items
            #expect(items.map(\.occupied) == [true])
            #expect(items.map(\.end) == [buffered])

            let timetable = try await client.execute(
                uri: "/resources/\(world.lines[0])/timetable?\(Self.range)", method: .get, headers: school)
            let entries = try Self.decode(Entries.self, timetable).items
            #expect(entries.map(\.occupied) == [true] && entries.map(\.end) == [buffered])
            #expect(entries.first?.category == nil)

            // refused inside the buffer: the clash is the occupied block, reaching to the buffer's end
            let refused = try await client.execute(
                uri: "/centers/\(world.centers[0])/bookings", method: .post, headers: school,
                body: ByteBuffer(
                    bytes: try JSONSerialization.data(withJSONObject: [
                        "organizationId": world.school.uuidString, "category": "student_training", "title": "实训",
                        "start": World.iso(World.time(10, 30)), "end": World.iso(World.time(11)),
                        "resources": [["resourceId": world.lines[0].uuidString]],
                    ])))
            #expect(refused.status == .conflict)
            let body = String(buffer: refused.body)
            #expect(!body.contains(pilot.id.uuidString.lowercased()) && !body.contains(pilot.id.uuidString))
            #expect(!body.contains("pilot"))
            let problem = try #require(
                try JSONSerialization.jsonObject(with: Data(refused.body.readableBytesView)) as? [String: Any])
            let conflicts = try #require(problem["conflicts"] as? [[String: Any]])
            #expect(conflicts.map { $0["end"] as? String } == [World.iso(buffered)])

            // the center's manager sees the booking as it is
            let manager = try await world.token(
                [RoleGrant(role: .centerManager, centerId: world.centers[0])], of: world.enterprise)
            let full = try await client.execute(
                uri: "/centers/\(world.centers[0])/bookings?\(Self.range)", method: .get, headers: manager)
            #expect(try Self.decode(Entries.self, full).items.map(\.end) == [World.time(10)])
        }
    }
}
