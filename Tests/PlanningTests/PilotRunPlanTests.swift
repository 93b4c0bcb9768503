import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@testable import Planning

/// Pilot runs in shifts planned against PostgreSQL: the planning center (open Monday to Saturday, so
/// Sunday is closed) gains a workshop holding a line and an assembly bench, and a QC room.
@Suite("Pilot runs in shifts, through closed days, with resources beside the line and an exclusive hall")
struct PilotRunPlanTests {
    struct Workshop {
        let center: PlanningCenter
        let line: Resource
        let bench: Resource
        let qcRoom: Resource

        init(_ db: Database) async throws {
            center = try await PlanningCenter(db)
            let centers = CenterService(database: db)
            let id = center.center.id
            let hall = try await centers.addResource(
                NewResource(kind: .workshop, name: "中试车间", seats: 30), to: id, as: .system)
            line = try await centers.addResource(
                NewResource(kind: .equipmentLine, name: "叶轮线", seats: 1, parentId: hall.id), to: id, as: .system)
            bench = try await centers.addResource(
                NewResource(kind: .equipmentLine, name: "装配台", seats: 1, parentId: hall.id), to: id, as: .system)
            qcRoom = try await centers.addResource(
                NewResource(kind: .room, name: "检测室", seats: 10), to: id, as: .system)
        }

        /// A three-day run in 3×8 shifts from 06:00, starting between `first` and `last` (March).
        func request(
            first: Int, last: Int, extra: Bool = false, exclusiveHall: Bool = false
        ) async throws -> Request {
            try await RequestService(database: center.db).create(
                NewRequest(
                    organizationId: center.enterprise.id, title: "三班中试",
                    details: .pilotProduction(
                        PilotProductionDetails(
                            resourceId: line.id, days: 3,
                            earliestStart: CalendarDate(year: 2026, month: 3, day: first)!,
                            latestStart: CalendarDate(year: 2026, month: 3, day: last)!,
                            shifts: PilotShifts(pattern: .threeEight, firstStart: ClockTime(text: "06:00")),
                            extraResources: extra ? [.init(resourceId: qcRoom.id)] : nil, exclusiveHall: exclusiveHall)),
                    submit: true),
                in: center.center.id, as: .system)
        }

        func throughClosures(_ allowed: Bool) async throws {
            let policies = PolicyService(database: center.db)
            var policy = try await policies.policy(of: center.center.id, as: .system)
            policy.pilotRunsThroughClosures = allowed
            _ = try await policies.replace(policy, of: center.center.id, version: policy.version ?? 0, as: .system)
        }

        /// Plans the center's horizon.
        func plan(_ name: String) async throws -> Plan {
            try await center.settle(try await center.queue(), with: PlanRunTests.worker(center.db, name))
        }
    }

    /// March `day` at `hour` o'clock in Shanghai.
    static func march(_ day: Int, _ hour: Int = 0) -> Date {
        Date(timeIntervalSince1970: TimeInterval(1_772_380_800 + (day - 2) * 86_400 + hour * 3_600))
    }

    @Test(
        "a 3×8 run over Sunday: refused while the policy keeps runs off closed days, placed round the clock through it when allowed"
    )
    func shiftsAcrossAClosedDay() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let workshop = try await Workshop(db)
            // Friday 6 March 06:00 to Monday 9 March 06:00, Sunday closed
            let run = try await workshop.request(first: 6, last: 6)
            let kept = try #require(try await workshop.plan("off").result)
            #expect(kept.assignments.filter { $0.requestId == run.id }.isEmpty)
            let unplaced = kept.unplaced.filter { $0.requestId == run.id }
            #expect(unplaced.count == 4)
            #expect(unplaced.allSatisfy { $0.reasons.map(\.en).joined().contains("closed days") })

            try await workshop.throughClosures(true)
            let plan = try await workshop.plan("on")
            let result = try #require(plan.result)
            let days = result.assignments.filter { $0.requestId == run.id }.sorted { $0.start < $1.start }
            #expect(days.map(\.start) == [Self.march(6, 6), Self.march(7), Self.march(8), Self.march(9)])
            #expect(days.map(\.end) == [Self.march(7), Self.march(8), Self.march(9), Self.march(9, 6)])
            #expect(days.allSatisfy { $0.resourceId == workshop.line.id })
            // three 8-hour shifts a day for three days: 72 hours without a gap
            let hours = days.map { $0.end.timeIntervalSince($0.start) }.reduce(0, +) / 3_600
            #expect(hours == 72)
            // the database takes the run as published, Sunday included
            #expect(try await workshop.center.service.publish(plan.id, as: .system).status == .published)
        }
    }

    @Test("a run takes the QC room beside its line at the same times, and keeps its hall from another organization")
    func severalResourcesAndExclusiveHall() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let workshop = try await Workshop(db)
            try await workshop.throughClosures(true)
            // the school has the bench in the run's hall on Saturday 10:00–12:00
            _ = try await BookingService(database: db, now: TestClock.term).book(
                NewBooking(
                    organizationId: workshop.center.school.id, category: .studentTraining, title: "装配实训",
                    start: Self.march(7, 10), end: Self.march(7, 12), resources: [.init(resourceId: workshop.bench.id)]),
                in: workshop.center.center.id, as: .system)
            let blocked = try await workshop.request(first: 6, last: 6, extra: true, exclusiveHall: true)
            let moved = try await workshop.request(first: 6, last: 10, extra: true, exclusiveHall: true)
            let result = try #require(try await workshop.plan("hall").result)
            #expect(result.score.feasible, "\(result.score) \(result.constraints)")
            // starting on Friday the run would hold the hall over the school's class: neither resource is taken
            #expect(result.assignments.filter { $0.requestId == blocked.id }.isEmpty)
            #expect(result.unplaced.filter { $0.requestId == blocked.id }.count == 8)
            let placed = result.assignments.filter { $0.requestId == moved.id }
            let line = placed.filter { $0.resourceId == workshop.line.id }.sorted { $0.start < $1.start }
            let qc = placed.filter { $0.resourceId == workshop.qcRoom.id }.sorted { $0.start < $1.start }
            #expect(line.count == 4 && qc.count == 4)
            #expect(line.map(\.start) == qc.map(\.start) && line.map(\.end) == qc.map(\.end))
            #expect(try #require(line.first).start >= Self.march(7, 12))
        }
    }

    @Test(
        "a confirmed run keeps its hall from what the planner places: another enterprise's day on the bench moves to the next day"
    )
    func confirmedRunKeepsItsHall() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let workshop = try await Workshop(db)
            let run = try await workshop.request(first: 9, last: 9, exclusiveHall: true)
            // the run is booked directly on Monday 9 March 08:00–16:00: confirmed, no longer planned
            _ = try await BookingService(database: db, now: TestClock.term).book(
                NewBooking(
                    organizationId: workshop.center.enterprise.id, requestId: run.id, category: .pilotProduction,
                    title: "三班中试", start: Self.march(9, 8), end: Self.march(9, 16),
                    resources: [.init(resourceId: workshop.line.id)]),
                in: workshop.center.center.id, as: .system)
            let requests = RequestService(database: db)
            let planned = try await requests.move(run.id, to: .planned, reason: nil, version: run.version, as: .system)
            _ = try await requests.move(run.id, to: .confirmed, reason: nil, version: planned.version, as: .system)
            let other = try await OrganizationService(database: db).create(
                name: "精密部件 \(UUID().uuidString.prefix(6))", kind: .sme, as: .system)
            let bench = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: other.id, title: "装配中试",
                    details: .pilotProduction(
                        PilotProductionDetails(
                            resourceId: workshop.bench.id, days: 1, earliestStart: CalendarDate(iso: "2026-03-09")!,
                            latestStart: CalendarDate(iso: "2026-03-10")!)),
                    submit: true),
                in: workshop.center.center.id, as: .system)
            let result = try #require(try await workshop.plan("confirmed").result)
            let placed = result.assignments.filter { $0.requestId == bench.id }
            #expect(placed.count == 1)
            #expect(try #require(placed.first).start >= Self.march(10))
            #expect(result.score.feasible)
        }
    }

    @Test("the run's own organization in its hall does not keep it out")
    func sameOrganizationInTheHall() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let workshop = try await Workshop(db)
            try await workshop.throughClosures(true)
            _ = try await BookingService(database: db, now: TestClock.term).book(
                NewBooking(
                    organizationId: workshop.center.enterprise.id, category: .employeeUpskilling, title: "装配培训",
                    start: Self.march(7, 10), end: Self.march(7, 12), resources: [.init(resourceId: workshop.bench.id)]),
                in: workshop.center.center.id, as: .system)
            let run = try await workshop.request(first: 6, last: 6, exclusiveHall: true)
            let result = try #require(try await workshop.plan("own").result)
            #expect(result.assignments.filter { $0.requestId == run.id }.count == 4)
        }
    }
}
