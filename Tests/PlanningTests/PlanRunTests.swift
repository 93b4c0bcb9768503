import Access
import Database
import Domain
import Foundation
import Logging
import Repositories
import Service
import TestSupport
import Testing

@testable import Planning

@Suite("Planner runs against PostgreSQL")
struct PlanRunTests {
    static func worker(_ db: Database, _ name: String, lease: Duration = .seconds(30)) -> PlanWorker {
        PlanWorker(
            database: db,
            configuration: PlanWorkerConfiguration(workerId: "\(name)-\(UUID().uuidString.prefix(6))", lease: lease),
            logger: Logger(label: "test.worker"))
    }

    @Test("a run places what fits, explains what does not, and publishes bookings the database accepts")
    func runAndPublish() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let plan = try await center.settle(try await center.queue(), with: Self.worker(db, "a"))
            #expect(plan.status == .succeeded)
            #expect(plan.attempts == 1)
            let result = try #require(plan.result)
            #expect(result.score.feasible)
            #expect(result.sessions == 6)
            #expect(result.placed == 4)
            #expect(Set(result.assignments.map(\.requestId)) == [center.training.id, center.upskilling.id])
            #expect(result.unplaced.map(\.requestId) == [center.pilotRun.id, center.pilotRun.id])
            #expect(result.unplaced.allSatisfy { $0.reasons.map(\.en).joined().contains("laser.cut") })
            #expect(result.diff.added.count == 4 && result.diff.moved.isEmpty && result.diff.removed.isEmpty)
            let training = result.assignments.filter { $0.requestId == center.training.id }
            #expect(
                training.allSatisfy { $0.resourceId == center.pool.id && $0.stations == 10 && $0.instructorId != nil })
            #expect(plan.progress?.unplacedSessions == 2)

            let published = try await center.service.publish(plan.id, as: .system)
            #expect(published.status == .published)
            #expect(try await center.bookings(of: plan.id) == 4)
            #expect(try await center.state(of: center.training) == .planned)
            #expect(try await center.state(of: center.upskilling) == .planned)
            #expect(try await center.state(of: center.pilotRun) == .submitted)
            #expect(try await center.placement(of: center.training)?.placed == 2)
            #expect(try await center.placement(of: center.pilotRun).map { ($0.placed, $0.asked) } ?? (-1, -1) == (0, 2))
            await #expect(
                throws: ServiceError.conflict(
                    "The plan is published; only a succeeded plan can be published.", rule: "planStatus")
            ) {
                _ = try await center.service.publish(plan.id, as: .system)
            }
        }
    }

    @Test("publishing after a direct booking took one of the plan's slots answers a conflict and writes nothing")
    func stolenSlot() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let plan = try await center.settle(try await center.queue(), with: Self.worker(db, "a"))
            let taken = try #require(plan.result?.assignments.first { $0.requestId == center.training.id })
            let direct = try await BookingService(database: db, now: TestClock.term).book(
                NewBooking(
                    organizationId: center.enterprise.id, category: .employeeUpskilling, title: "插单",
                    start: taken.start, end: taken.end,
                    resources: [Booking.Use(resourceId: taken.resourceId)]),
                in: center.center.id, as: .system)
            let refusal = await #expect(throws: ServiceError.self) {
                _ = try await center.service.publish(plan.id, as: .system)
            }
            guard case .planStale(let items) = refusal else {
                Issue.record("expected a stale plan, got \(String(describing: refusal))")
                return
            }
            #expect(items.map(\.requestId) == [center.training.id])
            #expect(items.first?.session == taken.session)
            #expect(items.first?.bookingIds == [direct.id])
            #expect(items.first?.reason.hasPrefix("It clashes") == true)
            #expect(try await center.bookings(of: plan.id) == 0)
            #expect(try await center.service.plan(plan.id, as: .system).status == .succeeded)
            #expect(try await center.state(of: center.training) == .submitted)
        }
    }

    @Test("two workers on one database run each plan exactly once")
    func twoWorkers() async throws {
        try await TestDatabase.withPool(maxConnections: 3) { db in
            let center = try await PlanningCenter(db)
            var queued: [UUID] = []
            for _ in 0..<4 { queued.append(try await center.queue().id) }
            let (first, second) = (Self.worker(db, "first"), Self.worker(db, "second"))
            func drain(_ worker: PlanWorker) async throws -> [UUID] {
                var ran: [UUID] = []
                while let id = try await worker.runOnce() { ran.append(id) }
                return ran
            }
            async let one = drain(first)
            async let two = drain(second)
            let ran = try await one + two
            let mine = ran.filter(queued.contains)
            #expect(mine.count == Set(mine).count, "a plan ran twice")
            for id in queued {
                // a plan another test's worker took is settled by that worker
                let plan = try await center.settle(try await center.service.plan(id, as: .system), with: first)
                #expect(plan.status == .succeeded)
                #expect(plan.attempts == 1)
            }
        }
    }

    @Test("a worker that stops renewing its lease: another takes the run over and finishes it; a second death fails it")
    func deadWorker() async throws {
        // its own database: the other tests' workers would take the abandoned runs over
        try await TestDatabase.withMigratedDatabase { db in
            let center = try await PlanningCenter(db)
            let dead = Self.worker(db, "dead")
            let survivor = Self.worker(db, "survivor")
            let plan = try await center.queue()
            try await Self.abandon(plan.id, by: dead, attempt: 1, on: db)
            #expect(try await survivor.failExpiredLeases().contains(plan.id) == false, "an attempt is left")
            let finished = try await center.settle(plan, with: survivor)
            #expect(finished.status == .succeeded)
            #expect(finished.attempts == 2)
            #expect(finished.result?.placed == 4)
            let late = try await db.withConnection {
                try PlanRepository().heartbeat(
                    planId: plan.id, worker: dead.configuration.workerId, lease: .seconds(30), progress: nil, on: $0)
            }
            #expect(late == .lost, "the dead worker's lease must not come back")
            let job = try await db.query(
                "SELECT status::text AS status, attempts FROM jobs WHERE kind = 'plan' AND dedup_key = \(plan.id.uuidString.lowercased())"
            ).first!
            #expect(try job.decode("status", as: String.self) == "done")
            #expect(try job.decode("attempts", as: Int.self) == 2)

            // the worker that took it over dies too: no attempt is left, the run ends failed
            let again = try await center.queue()
            try await Self.abandon(again.id, by: dead, attempt: PlanRepository.attempts, on: db)
            _ = try await survivor.failExpiredLeases()
            let failed = try await center.service.plan(again.id, as: .system)
            #expect(failed.status == .failed)
            #expect(failed.failure?.contains(dead.configuration.workerId) == true)
            let next = try await center.settle(try await center.queue(), with: survivor)
            #expect(next.status == .succeeded)
            #expect(try await center.service.publish(next.id, as: .system).status == .published)
        }
    }

    @Test("a run whose job's lease ran out is taken over even when the run's own lease still looks alive")
    func jobDecidesTakeover() async throws {
        try await TestDatabase.withMigratedDatabase { db in
            let center = try await PlanningCenter(db)
            let plan = try await center.queue()
            try await Self.abandon(plan.id, by: Self.worker(db, "dead"), attempt: 1, on: db)
            // the run's lease as a claim sees it when its transaction began before that lease ran out
            try await db.query("UPDATE plans SET lease_until = now() + interval '1 hour' WHERE id = \(plan.id)")
            let claimed = try await Self.worker(db, "survivor").claim()
            #expect(claimed?.id == plan.id)
            #expect(claimed?.attempts == 2)
            #expect(claimed?.status == .running)
        }
    }

    /// What a worker leaves that claimed `planId` (its `attempt`-th attempt) and died: the run and
    /// its job running under its name, the lease already over.
    static func abandon(_ planId: UUID, by worker: PlanWorker, attempt: Int, on db: Database) async throws {
        try await db.withTransaction {
            try hold(planId, worker: worker.configuration.workerId, attempt: attempt, seconds: 0, on: $0)
        }
    }

    /// Marks the run `planId` and its job running under `worker`'s name, as its `attempt`-th attempt,
    /// with a lease that ends `seconds` from now.
    static func hold(_ planId: UUID, worker: String, attempt: Int, seconds: Int, on connection: Connection) throws {
        try connection.query(
            """
            UPDATE plans SET status = 'running', worker = \(worker), attempts = \(attempt), started_at = now(),
                   lease_until = now() + make_interval(secs => \(seconds)) WHERE id = \(planId)
            """)
        try connection.query(
            """
            UPDATE jobs SET status = 'running', worker = \(worker), attempts = \(attempt), started_at = now(),
                   lease_until = now() + make_interval(secs => \(seconds))
            WHERE kind = 'plan' AND dedup_key = \(planId.uuidString.lowercased())
            """)
    }

    @Test("re-planning after one change moves only the session that must move")
    func leastChange() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let worker = Self.worker(db, "a")
            let first = try await center.settle(try await center.queue(), with: worker)
            _ = try await center.service.publish(first.id, as: .system)
            let hit = try #require(first.result?.assignments.first { $0.requestId == center.training.id })
            // a breakdown: maintenance entered over a published session (the service would refuse it; the
            // repository records it as a fact, which is what a re-plan must cope with)
            _ = try await db.withConnection {
                try MaintenanceRepository().insert(
                    NewMaintenanceWindow(start: hit.start, end: hit.end, reason: "伺服电机故障"), reason: "伺服电机故障",
                    resourceId: hit.resourceId, on: $0)
            }

            // time enough to return to least change on a loaded machine (0.3 s sometimes left a second move)
            let second = try await center.settle(
                try await center.queue(weights: PlanWeights([.leastChange: 100]), seconds: 3), with: worker)
            let diff = try #require(second.result?.diff)
            #expect(diff.moved.map(\.requestId) == [center.training.id])
            #expect(diff.moved.first?.session == hit.session)
            #expect(diff.unchanged == 3)
            #expect(diff.added.isEmpty && diff.removed.isEmpty)
            _ = try await center.service.publish(second.id, as: .system)
            #expect(try await center.bookings(of: first.id) == 3)
            #expect(try await center.bookings(of: second.id) == 1)
            let cancelAudits: Int = try await db.query(
                """
                SELECT count(*)::int4 AS n FROM audit_log a
                JOIN request_bookings rb ON upper(rb.booking_id::text) = a.entity_id
                WHERE rb.plan_id = \(first.id) AND a.entity = 'booking' AND a.action = 'cancel'
                """
            ).first!.decode("n")
            #expect(cancelAudits == 1, "the booking the re-plan moved is cancelled with an audit row")
        }
    }
}

@Suite("Honest placement state")
struct PlacementStateTests {
    @Test("a request with one of its two weeks placed is partly planned, says 1/2 and why, in both languages")
    func partlyPlanned() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let firstWeek = PlanHorizon(from: "2026-03-02", to: "2026-03-08")
            let plan = try await center.settle(
                try await center.queue(horizon: firstWeek), with: PlanRunTests.worker(db, "a"))
            _ = try await center.service.publish(plan.id, as: .system)
            #expect(try await center.state(of: center.training) == .partlyPlanned)
            let placement = try #require(try await center.placement(of: center.training))
            #expect((placement.placed, placement.asked) == (1, 2))
            #expect(placement.unplaced.map(\.session) == [1])
            let reason = try #require(placement.unplaced.first?.reasons.first)
            #expect(reason.en.contains("outside the horizon"))
            #expect(reason.zh.contains("不在规划范围内"))

            let whole = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "b"))
            _ = try await center.service.publish(whole.id, as: .system)
            #expect(try await center.state(of: center.training) == .planned)
            #expect(try await center.placement(of: center.training).map { ($0.placed, $0.asked) } ?? (0, 0) == (2, 2))
        }
    }
}
