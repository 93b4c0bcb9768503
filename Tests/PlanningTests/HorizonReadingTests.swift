import Access
import Allocator
import Database
import Dates
import Domain
import Foundation
import Logging
import Repositories
import Service
import TestSupport
import Testing

@testable import Planning

@Suite("A run reads only what its horizon needs")
struct HorizonReadingTests {
    @Test("a run over October reads October's request, not March's published ones nor their bookings")
    func otherTermsAreNotRead() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let worker = PlanWorker(database: db, logger: Logger(label: "test.worker"))
            let march = try await center.settle(try await center.queue(), with: worker)
            _ = try await center.service.publish(march.id, as: .system)
            let october = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: center.enterprise.id, title: "十月机器人维护",
                    details: .employeeUpskilling(
                        .init(
                            participants: 6, course: "机器人维护", skill: "robot.industrial", totalHours: 4,
                            sessionMinutes: 120, earliest: CalendarDate(iso: "2026-10-12")!,
                            latest: CalendarDate(iso: "2026-10-16")!)),
                    submit: true),
                in: center.center.id, as: .system)
            func snapshot(_ from: CalendarDate, _ to: CalendarDate) async throws -> CenterSnapshot {
                try await db.withConnection { connection in
                    try CenterSnapshot.load(
                        centerId: center.center.id, first: from, last: to, requestIds: nil, on: connection)
                }
            }
            let autumn = try await snapshot("2026-10-12", "2026-10-18")
            #expect(autumn.requests.map(\.id) == [october.id])
            #expect(autumn.bookings.isEmpty && autumn.links.isEmpty)
            let spring = try await snapshot("2026-03-02", "2026-03-15")
            #expect(
                Set(spring.requests.map(\.id)) == [center.training.id, center.upskilling.id, center.pilotRun.id])
            #expect(spring.bookings.count == 4 && spring.links.count == 4)
            // the second week: the training's second session and whatever upskilling fell there
            let secondWeek = try await snapshot("2026-03-09", "2026-03-15")
            #expect(Set(secondWeek.links.keys) == Set(secondWeek.bookings.map(\.id)))
            #expect(secondWeek.bookings.count < 4)

            // any test's worker may have taken the run (they share the queue): one search or more
            let timings = try #require(march.result?.timings)
            #expect(timings.solve > 0 && timings.read > 0 && timings.searches >= 1)

            // two searches side by side, as `praxis serve` makes on two cores, on the same center's weeks
            var runner = PlanRunner(timeLimit: .milliseconds(300), seed: 7, progressInterval: .seconds(1))
            runner.searches = 2
            let planning = ProblemBuilder.build(spring, weights: nil)
            let outcome = try await runner.solve(planning, channel: PlanRunner.Channel())
            #expect(outcome.result.score.hard == 0)
            // the two weeks of training and the upskilling course placed; the laser run has no resource
            #expect(outcome.result.solution.assignments.compactMap { $0 }.count == 4)
            #expect(outcome.solveSeconds > 0)
        }
    }

    @Test("migration 0043 gives requests stored before it the dates their details say")
    func backfill() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            let all = try Migration.load(from: TestDatabase.migrationsDirectory)
            try await Migrator(database: db, migrations: all.filter { $0.version < 43 }).migrate()
            let (operatorId, centerId, offeringId) = (UUID(), UUID(), UUID())
            try await db.query(
                "INSERT INTO organizations (id, name, kind) VALUES (\(operatorId), '运营方', 'center_operator')")
            try await db.query("INSERT INTO centers (id, name, operator_id) VALUES (\(centerId), '中心', \(operatorId))")
            let details: [(UUID, String, String)] = [
                (
                    UUID(), "student_training",
                    """
                    {"cohortId": "\(UUID())", "courseName": "数控车削", "sessionsPerWeek": 1, "weeks": 16,
                     "startDate": "2026-03-04", "sessionMinutes": 180, "capability": "cnc.lathe",
                     "studentsPerStation": 2, "instructorSkills": ["cnc.lathe"]}
                    """
                ),
                (
                    UUID(), "student_training",
                    """
                    {"cohortId": "\(UUID())", "courseName": "钳工", "sessionsPerWeek": 1, "termId": "\(UUID())",
                     "weeks": "3-8", "weekSpan": 6, "startDate": "2026-03-16", "sessionMinutes": 180,
                     "capability": "bench", "studentsPerStation": 1, "instructorSkills": ["bench"]}
                    """
                ),
                (
                    UUID(), "employee_upskilling",
                    """
                    {"participants": 6, "course": "维护", "skill": "robot", "totalHours": 4, "sessionMinutes": 120,
                     "earliest": "2026-03-02", "latest": "2026-03-13"}
                    """
                ),
                (
                    UUID(), "pilot_production",
                    """
                    {"capability": "laser.cut", "days": 2, "earliestStart": "2026-03-02", "latestStart": "2026-03-10"}
                    """
                ),
                (
                    offeringId, "shared_employee",
                    """
                    {"capacity": 12, "minEnrolment": 6, "decisionDate": "2026-03-20", "sessions": 4,
                     "sessionMinutes": 180, "skill": "weld"}
                    """
                ),
                (UUID(), "shared_employee", #"{"courseRequestId": "\#(offeringId)", "seats": 3}"#),
            ]
            for (id, category, json) in details {
                try await db.query(
                    """
                    INSERT INTO requests (id, center_id, organization_id, category, title, details, state)
                    VALUES (\(id), \(centerId), \(operatorId), \(category)::category, '旧需求', \(JSONB(json: json)),
                            'submitted')
                    """)
            }
            try await Migrator(database: db, migrations: all).migrate()
            for (id, _, _) in details {
                let row = try await db.query("SELECT first_date, last_date FROM requests WHERE id = \(id)").first!
                let (first, last) = (
                    try row.decode("first_date", as: CalendarDate?.self),
                    try row.decode("last_date", as: CalendarDate?.self)
                )
                let request = try #require(try await db.withConnection { try RequestRepository().find(id: id, on: $0) })
                let expected = request.details.plannedDates
                #expect(first == expected?.first, "\(request.details.category)")
                // the backfill may reach a day further (a run in shifts' night), never less
                if let last, let end = expected?.last {
                    #expect(end <= last && last <= end.adding(days: 1), "\(request.details.category)")
                } else {
                    #expect(last == nil && expected?.last == nil, "\(request.details.category)")
                }
            }
        }
    }
}

@Suite("The planner worker's configuration from the environment")
struct PlanWorkerEnvironmentTests {
    @Test("searches and the busy limit are read, and values outside their rules are refused naming the variable")
    func environment() throws {
        let load = LockedCount()
        let configuration = try PlanWorkerConfiguration(
            environment: ["PRAXIS_PLANNER_SEARCHES": "3", "PRAXIS_PLANNER_BUSY_REQUESTS": "2"],
            inFlight: { load.value })
        #expect(configuration.searches == 3)
        load.value = 2
        #expect(configuration.isBusy?() == false)
        load.value = 3
        #expect(configuration.isBusy?() == true)
        let defaults = try PlanWorkerConfiguration(environment: [:], inFlight: { 5 })
        #expect(defaults.isBusy?() == true)
        #expect(defaults.searches == min(2, ProcessInfo.processInfo.activeProcessorCount))
        for (name, value) in [
            ("PRAXIS_PLANNER_SEARCHES", "0"), ("PRAXIS_PLANNER_SEARCHES", "two"),
            ("PRAXIS_PLANNER_BUSY_REQUESTS", "-1"),
        ] {
            #expect {
                _ = try PlanWorkerConfiguration(environment: [name: value], inFlight: { 0 })
            } throws: { error in
                "\(error)".hasPrefix("\(name) (\(value))")
            }
        }
    }
}

/// A count the test changes while the configuration reads it.
private final class LockedCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    var value: Int {
        get { lock.withLock { count } }
        set { lock.withLock { count = newValue } }
    }
}
