import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@testable import Planning

/// Pilot production displacing a class's confirmed session, planned and published against
/// PostgreSQL: the planning center gains a line where the class trains on Tuesday morning, and a
/// one-day run that can only take that Tuesday.
@Suite("Displacement with a guaranteed make-up")
struct DisplacementPlanTests {
    struct Line {
        let center: PlanningCenter
        let line: Resource
        let lesson: Booking
        let run: Request
        /// The school's coordinator, who is told of the displacement.
        let coordinator: Principal

        init(_ db: Database, makeUpWithinDays days: Int?) async throws {
            center = try await PlanningCenter(db)
            let id = center.center.id
            let user = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
                NewUser(
                    username: "school-\(UUID().uuidString.prefix(8).lowercased())", displayName: "教务处",
                    organizationId: center.school.id, password: nil, roles: [RoleGrant(role: .schoolCoordinator)]),
                as: .system)
            coordinator = Principal(
                userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
            line = try await CenterService(database: db).addResource(
                NewResource(kind: .equipmentLine, name: "叶轮线", seats: 1), to: id, as: .system)
            let row = try await db.query(
                """
                SELECT (SELECT id FROM cohorts WHERE organization_id = \(center.school.id)) AS cohort,
                       (SELECT id FROM instructors WHERE center_id = \(id)) AS instructor
                """
            ).first!
            lesson = try await BookingService(database: db).book(
                NewBooking(
                    organizationId: center.school.id, category: .studentTraining, title: "叶轮装配实训",
                    start: DisplacementPlanTests.time("2026-03-03T08:00"),
                    end: DisplacementPlanTests.time("2026-03-03T12:00"),
                    resources: [.init(resourceId: line.id)], instructorId: try row.decode("instructor"),
                    participants: 20, cohortIds: [try row.decode("cohort")]),
                in: id, as: .system)
            run = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: center.enterprise.id, title: "叶轮中试",
                    details: .pilotProduction(
                        PilotProductionDetails(
                            resourceId: line.id, days: 1, earliestStart: CalendarDate(iso: "2026-03-03")!,
                            latestStart: CalendarDate(iso: "2026-03-03")!)),
                    submit: true),
                in: id, as: .system)
            if let days {
                let policies = PolicyService(database: db)
                var policy = try await policies.policy(of: id, as: .system)
                policy.displacement = DisplacementRule(
                    by: [.pilotProduction], displaces: [.studentTraining], makeUpWithinDays: days)
                _ = try await policies.replace(policy, of: id, version: policy.version ?? 0, as: .system)
            }
        }

        /// Runs the planner on the two weeks for a second.
        func plan() async throws -> Plan {
            try await center.settle(
                try await center.queue(seconds: 1), with: PlanRunTests.worker(center.db, "displacement"))
        }

        func booking() async throws -> Booking {
            try await BookingService(database: center.db).booking(lesson.id, as: .system)
        }
    }

    /// A local time (+08:00) in the planning center's zone.
    static func time(_ local: String) -> Date {
        ISO8601DateFormatter().date(from: local + ":00+08:00")!
    }

    @Test(
        "the run takes the class's Tuesday; publishing moves the lesson to the same hours on a later open day, tells the school, audits and records it"
    )
    func withMakeUp() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let line = try await Line(db, makeUpWithinDays: 7)
            let plan = try await line.plan()
            let result = try #require(plan.result)
            #expect(result.score.feasible)
            let run = result.assignments.filter { $0.requestId == line.run.id }
            #expect(run.count == 1 && run.first?.start == Self.time("2026-03-03T08:00"))
            let displacement = try #require(result.displacements?.first)
            #expect(result.displacements?.count == 1 && displacement.bookingId == line.lesson.id)
            #expect(displacement.by == [.pilotProduction])
            let shift = displacement.makeUp.start.timeIntervalSince(line.lesson.start)
            #expect(shift > 0 && shift <= 7 * 86_400 && shift.truncatingRemainder(dividingBy: 86_400) == 0)
            #expect(displacement.makeUp.end.timeIntervalSince(displacement.makeUp.start) == 4 * 3_600)
            #expect(result.unplaced.allSatisfy { $0.requestId != line.run.id })

            _ = try await line.center.service.publish(plan.id, as: .system)
            let moved = try await line.booking()
            #expect(moved.start == displacement.makeUp.start && moved.end == displacement.makeUp.end)
            #expect(moved.version == line.lesson.version + 1 && moved.status == .confirmed)
            #expect(moved.instructorId == line.lesson.instructorId && moved.cohortIds == line.lesson.cohortIds)
            let facts = try await db.query(
                """
                SELECT (SELECT count(*)::int4 FROM audit_log WHERE entity = 'booking' AND action = 'displace'
                          AND entity_id = \(line.lesson.id.uuidString)) AS audits,
                       (SELECT count(*)::int4 FROM notices WHERE event = 'booking.displaced'
                          AND entity_id = \(line.lesson.id.uuidString.lowercased())
                          AND (body LIKE '%pilot production%' OR body LIKE '%产品中试%')) AS notices
                """
            ).first!
            #expect(try facts.decode("audits", as: Int.self) == 1)
            #expect(try facts.decode("notices", as: Int.self) >= 1)
            let listed = try await BookingService(database: db).displacements(
                organizationId: line.center.school.id, as: line.coordinator)
            #expect(listed.count == 1 && listed.first?.makeUpStart == displacement.makeUp.start)
            #expect(listed.first?.wasStart == line.lesson.start && listed.first?.planId == plan.id)
            #expect(try await line.center.bookings(of: plan.id) >= 1)
            await #expect(throws: ServiceError.self) {
                _ = try await BookingService(database: db).displacements(
                    organizationId: line.center.enterprise.id, as: line.coordinator)
            }
        }
    }

    @Test(
        "no make-up within one day (the line is taken on Wednesday morning): the lesson stays, the run is unplaced and told why"
    )
    func withoutMakeUp() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let line = try await Line(db, makeUpWithinDays: 1)
            _ = try await BookingService(database: db).book(
                NewBooking(
                    organizationId: line.center.enterprise.id, category: .employeeUpskilling, title: "员工培训",
                    start: Self.time("2026-03-04T08:00"), end: Self.time("2026-03-04T12:00"),
                    resources: [.init(resourceId: line.line.id)]),
                in: line.center.center.id, as: .system)
            let plan = try await line.plan()
            let result = try #require(plan.result)
            #expect(result.displacements?.isEmpty == true)
            #expect(result.assignments.allSatisfy { $0.requestId != line.run.id })
            let unplaced = result.unplaced.filter { $0.requestId == line.run.id }
            #expect(!unplaced.isEmpty)
            #expect(unplaced.allSatisfy { $0.reasons.contains { $0.en.contains("make-up within 1 days") } })
            #expect(unplaced.allSatisfy { $0.reasons.contains { $0.zh.contains("1天内补排") } })
            _ = try await line.center.service.publish(plan.id, as: .system)
            #expect(try await line.booking() == line.lesson)
        }
    }

    @Test("without a rule nothing is displaced and the run's reasons do not mention it")
    func withoutRule() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let line = try await Line(db, makeUpWithinDays: nil)
            let result = try #require(try await line.plan().result)
            #expect(result.displacements?.isEmpty == true)
            let unplaced = result.unplaced.filter { $0.requestId == line.run.id }
            #expect(!unplaced.isEmpty)
            #expect(unplaced.allSatisfy { !$0.reasons.contains { $0.en.contains("make-up") } })
        }
    }

    @Test("the lesson moved by hand after the run: publishing is refused and writes nothing")
    func changedMeanwhile() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let line = try await Line(db, makeUpWithinDays: 7)
            let plan = try await line.plan()
            #expect(plan.result?.displacements?.count == 1)
            let bookings = BookingService(database: db)
            let moved = try await bookings.move(
                line.lesson.id,
                BookingChange(
                    start: Self.time("2026-03-05T13:00"), end: Self.time("2026-03-05T17:00"), reason: "学校调课"),
                version: line.lesson.version, as: .system)
            await #expect {
                _ = try await line.center.service.publish(plan.id, as: .system)
            } throws: { error in
                guard case ServiceError.conflict(let message, let rule) = error else { return false }
                return message.contains("叶轮装配实训") && rule == "displacedChanged"
            }
            #expect(try await line.booking() == moved)
            #expect(try await line.center.bookings(of: plan.id) == 0)
            #expect(try await bookings.displacements(organizationId: line.center.school.id, as: .system).isEmpty)
        }
    }

    @Test("the make-up's day closed after the run: publishing is refused naming the lesson and why, and writes nothing")
    func makeUpClosedMeanwhile() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let line = try await Line(db, makeUpWithinDays: 7)
            let plan = try await line.plan()
            let makeUp = try #require(plan.result?.displacements?.first?.makeUp.start)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(secondsFromGMT: 8 * 3_600)!
            let parts = calendar.dateComponents([.year, .month, .day], from: makeUp)
            let day = try #require(CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!))
            _ = try await CalendarService(database: db).addClosure(
                Closure(from: day, to: day, reason: "消防演练"), to: line.center.center.id, as: .system)
            await #expect {
                _ = try await line.center.service.publish(plan.id, as: .system)
            } throws: { error in
                guard case ServiceError.conflict(let message, let rule) = error else { return false }
                return message.contains("叶轮装配实训") && message.contains("消防演练") && rule == "makeUpClosed"
            }
            #expect(try await line.booking() == line.lesson)
            #expect(try await line.center.bookings(of: plan.id) == 0)
        }
    }

    @Test("a rule is checked: a category displacing itself, an empty list and 0 days are refused naming the field")
    func ruleChecked() throws {
        let cases: [(DisplacementRule, String, String)] = [
            (
                .init(by: [.pilotProduction], displaces: [.pilotProduction], makeUpWithinDays: 7),
                "displacement/displaces", "notAlsoDisplacing"
            ),
            (.init(by: [], displaces: [.studentTraining], makeUpWithinDays: 7), "displacement/by", "required"),
            (
                .init(by: [.pilotProduction], displaces: [.studentTraining], makeUpWithinDays: 0),
                "displacement/makeUpWithinDays", "range"
            ),
        ]
        for (rule, field, name) in cases {
            #expect {
                try CenterPolicy(displacement: rule).validate()
            } throws: { error in
                guard let error = error as? DomainError else { return false }
                return error.field == field && (name == "range" || error.rule == name)
            }
        }
    }
}
