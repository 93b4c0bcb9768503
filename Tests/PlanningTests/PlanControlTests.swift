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

@Suite("Planner runs: who may do what, limits, cancelling, event streams, the audit of publishing")
struct PlanControlTests {
    static func manager(of centerId: UUID) -> Principal {
        Principal(
            userId: UUID(), username: "manager", organizationId: UUID(),
            grants: [RoleGrant(role: .centerManager, centerId: centerId)])
    }

    /// A run already held by `worker` under a long lease, committed in one step so that no worker of
    /// another test (they share the database) can claim it first.
    static func parked(_ center: PlanningCenter, worker: String, seconds: Int = 60) async throws -> Plan {
        try await center.db.withTransaction { connection in
            let plan = try PlanRepository().insert(
                NewPlan(horizon: PlanningCenter.horizon, timeLimitSeconds: Double(seconds)), centerId: center.center.id,
                timeLimitMilliseconds: seconds * 1000, on: connection)
            try PlanRunTests.hold(plan.id, worker: worker, attempt: 1, seconds: 600, on: connection)
            return try PlanRepository().find(id: plan.id, on: connection)!
        }
    }

    /// A stored account managing the test's center (audit rows name it; its grant can be taken away).
    static func managerAccount(_ center: PlanningCenter) async throws -> Principal {
        let name = "mgr-\(UUID().uuidString.prefix(8).lowercased())"
        let userId: UUID = try await center.db.query(
            """
            INSERT INTO users (organization_id, username, display_name) VALUES (\(center.center.operatorId), \(name), \(name))
            RETURNING id
            """
        ).first!.decode("id")
        try await center.db.query(
            "INSERT INTO role_grants (user_id, role, center_id) VALUES (\(userId), 'center_manager', \(center.center.id))"
        )
        return Principal(
            userId: userId, username: name, organizationId: center.center.operatorId,
            grants: [RoleGrant(role: .centerManager, centerId: center.center.id)])
    }

    @Test("the use cases authorize the caller: another center's manager is refused, a coordinator reads nothing")
    func authorization() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let plan = try await Self.parked(center, worker: "nobody")
            let outsider = Self.manager(of: UUID())
            let coordinator = Principal(
                userId: UUID(), username: "school", organizationId: center.school.id,
                grants: [RoleGrant(role: .schoolCoordinator)])
            let horizon = NewPlan(horizon: PlanningCenter.horizon)
            for caller in [outsider, coordinator] {
                await #expect(throws: ServiceError.self) {
                    _ = try await center.service.create(horizon, in: center.center.id, as: caller)
                }
                for attempt in [center.service.plan, center.service.cancel, center.service.publish] {
                    let error = await #expect(throws: ServiceError.self) { _ = try await attempt(plan.id, caller) }
                    guard case .forbidden = error else {
                        Issue.record("expected forbidden, got \(String(describing: error))")
                        continue
                    }
                }
            }
            let mine = try await Self.managerAccount(center)
            #expect(try await center.service.plan(plan.id, as: mine).id == plan.id)
            #expect(try await center.service.cancel(plan.id, as: mine).cancelRequestedAt != nil)
        }
    }

    @Test("a proposal is shown whole to the center's audience and not at all to anyone else")
    func audience() {
        let plan = Plan(
            id: UUID(), centerId: UUID(), status: .succeeded, horizon: PlanningCenter.horizon, requestIds: [UUID()],
            timeLimitSeconds: 1, seed: 0, weights: nil, attempts: 1, progress: nil,
            result: PlanResult(
                score: PlanScore(hard: 0, medium: 0, soft: 0), sessions: 0, placed: 0, pinnedBookings: 0,
                assignments: [], unplaced: [], constraints: [], seatAllocations: [],
                diff: PlanDiff(added: [], moved: [], removed: [], unchanged: 0), steps: 0, movesEvaluated: 0,
                seconds: 0),
            failure: nil, createdAt: Date(), startedAt: nil, finishedAt: nil, publishedAt: nil,
            cancelRequestedAt: nil, version: 1)
        #expect(plan.shown(to: .center) == plan)
        #expect(plan.shown(to: .organization(UUID())).result == nil)
        #expect(plan.shown(to: .organization(UUID())).requestIds == nil)
    }

    @Test("the queue limit holds per center: one more run than allowed is throttled, a cancel frees a place")
    func queueLimit() async throws {
        // a database of its own: no worker of another test can take these runs
        try await TestDatabase.withMigratedDatabase { db in
            let center = try await PlanningCenter(db)
            let service = PlanService(database: db, limits: PlanLimits(activePlansPerCenter: 1, retryAfterSeconds: 7))
            let input = NewPlan(horizon: PlanningCenter.horizon, timeLimitSeconds: 0.3)
            let first = try await service.create(input, in: center.center.id, as: .system)
            await #expect(throws: ServiceError.throttled(retryAfter: 7)) {
                _ = try await service.create(input, in: center.center.id, as: .system)
            }
            #expect(try await service.cancel(first.id, as: .system).status == .cancelled)
            _ = try await service.create(input, in: center.center.id, as: .system)
        }
    }

    @Test("a running run that is cancelled stops at its worker's next heartbeat and ends cancelled")
    func cancelRunning() async throws {
        try await TestDatabase.withPool(maxConnections: 3) { db in
            let center = try await PlanningCenter(db)
            let worker = PlanWorker(
                database: db,
                configuration: PlanWorkerConfiguration(
                    workerId: "cancel-\(UUID().uuidString.prefix(6))", heartbeatInterval: .milliseconds(100)),
                logger: Logger(label: "test.worker"))
            let plan = try await Self.parked(center, worker: worker.configuration.workerId, seconds: 600)
            let started = ContinuousClock.now
            let running = Task { await worker.execute(plan) }
            try await Task.sleep(for: .milliseconds(300))
            let marked = try await center.service.cancel(plan.id, as: .system)
            #expect(marked.status == .running && marked.cancelRequestedAt != nil)
            await running.value
            let ended = try await center.service.plan(plan.id, as: .system)
            #expect(ended.status == .cancelled)
            #expect(ended.result == nil)
            #expect(ContinuousClock.now - started < .seconds(120), "the search ran on after the cancel")
            await #expect(throws: ServiceError.self) { _ = try await center.service.cancel(plan.id, as: .system) }
        }
    }

    @Test("publishing writes an audit row per booking written and per request moved, through the request transition")
    func publishAudit() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "audit"))
            let manager = try await Self.managerAccount(center)
            _ = try await center.service.publish(plan.id, as: manager)
            func count(_ entity: String, _ action: String) async throws -> Int {
                try await db.query(
                    """
                    SELECT count(*)::int4 AS n FROM audit_log a
                    WHERE a.entity = \(entity) AND a.action = \(action) AND a.user_id = \(manager.userId)
                    """
                ).first!.decode("n")
            }
            #expect(try await count("booking", "create") == 4)
            #expect(try await count("request", "transition") == 2)
            #expect(try await count("plan", "publish") == 1)
        }
    }

    /// Streams that poll fast; their places are freed by their end, never by a lease running out
    /// on a slow machine mid-test.
    static func streaming(_ db: Database, cap: Int = 3) -> PlanService {
        PlanService(
            database: db,
            limits: PlanLimits(eventStreamsPerUser: cap, pollInterval: .milliseconds(20), streamLease: .seconds(600)))
    }

    static func openStreams(_ db: Database, user: UUID) async throws -> Int {
        try await db.withConnection { try PlanEventStreamRepository().count(userId: user, on: $0) }
    }

    @Test(
        "a user holds at most the allowed number of event streams; one more is throttled, a closed one frees its place")
    func streamCap() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let manager = try await Self.managerAccount(center)
            let plan = try await Self.parked(center, worker: "nobody")
            let service = Self.streaming(db, cap: 2)
            let first = try await service.openEvents(of: plan.id, as: manager)
            _ = try await service.openEvents(of: plan.id, as: manager)
            await #expect(throws: ServiceError.self) { _ = try await service.openEvents(of: plan.id, as: manager) }
            // another user has places of their own
            _ = try await service.openEvents(of: plan.id, as: try await Self.managerAccount(center))
            struct Gone: Error {}
            await #expect(throws: Gone.self) { try await service.follow(first, as: manager) { _ in throw Gone() } }
            #expect(try await Self.openStreams(db, user: manager.userId) == 1)
            _ = try await service.openEvents(of: plan.id, as: manager)
        }
    }

    @Test("a stream stops polling as soon as its client goes away, and frees its place")
    func clientGone() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let manager = try await Self.managerAccount(center)
            // held by no live worker: without the client leaving, the stream would poll for ten minutes
            let plan = try await Self.parked(center, worker: "nobody")
            let service = Self.streaming(db)
            let stream = try await service.openEvents(of: plan.id, as: manager)
            let events = Events()
            struct Gone: Error {}
            await #expect(throws: Gone.self) {
                try await service.follow(stream, as: manager) { event in
                    if await events.add(event) == 3 { throw Gone() }
                }
            }
            try await Task.sleep(for: .milliseconds(100))
            #expect(await events.all.count == 3, "no poll after the client left")
            #expect(await events.all.first == .progress(plan))
            #expect(try await Self.openStreams(db, user: manager.userId) == 0)
        }
    }

    @Test("a stream re-checks the caller while it runs: taking the manager's role away ends it")
    func accessRechecked() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let manager = try await Self.managerAccount(center)
            let plan = try await Self.parked(center, worker: "nobody")
            let service = Self.streaming(db)
            let stream = try await service.openEvents(of: plan.id, as: manager)
            let events = Events()
            try await service.follow(stream, as: manager) { event in
                if await events.add(event) == 1 {
                    try await db.query("DELETE FROM role_grants WHERE user_id = \(manager.userId)")
                }
            }
            #expect(await events.all.last == .accessLost)
            #expect(try await Self.openStreams(db, user: manager.userId) == 0)
        }
    }

    @Test("a stream of a run that settles ends with the settled run")
    func settles() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let manager = try await Self.managerAccount(center)
            let plan = try await center.queue()
            let service = Self.streaming(db)
            let stream = try await service.openEvents(of: plan.id, as: manager)
            // cancelled at once, or (taken by a worker of another test meanwhile) at its next heartbeat,
            // or already finished by it: settled in every case
            _ = try? await service.cancel(plan.id, as: manager)
            let events = Events()
            try await service.follow(stream, as: manager) { event in _ = await events.add(event) }
            guard case .settled(let last) = await events.all.last else {
                Issue.record("expected a settled event last")
                return
            }
            #expect(last.status.isSettled)
        }
    }
}

/// The events a stream emitted, in order.
private actor Events {
    private(set) var all: [PlanEvent] = []

    /// Records an event; returns how many there are now.
    func add(_ event: PlanEvent) -> Int {
        all.append(event)
        return all.count
    }
}
