import Access
import Database
import Dates
import Domain
import Foundation
import Planning
import Service
import TestSupport

/// A small center of its own for each test: open Mon–Sat 08:00–18:00, a 10-station robot pool, a
/// five-axis machine, a pilot line; one instructor; a class of 20; and three submitted requests: two
/// weeks of training on the pool, four hours of upskilling on it, and a pilot run needing a laser
/// cutter the center does not have.
struct PlanningCenter {
    let db: Database
    let center: Center
    let school: Organization
    let enterprise: Organization
    let pool: Resource
    let training: Request
    let upskilling: Request
    let pilotRun: Request

    static let horizon = PlanHorizon(from: "2026-03-02", to: "2026-03-15")

    init(_ db: Database) async throws {
        self.db = db
        let tag = UUID().uuidString.prefix(8)
        let organizations = OrganizationService(database: db)
        let centers = CenterService(database: db)
        let operatorOrg = try await organizations.create(name: "运营方 \(tag)", kind: .centerOperator, as: .system)
        school = try await organizations.create(name: "职业学院 \(tag)", kind: .higherVocationalCollege, as: .system)
        enterprise = try await organizations.create(name: "装备集团 \(tag)", kind: .largeEnterprise, as: .system)
        center = try await centers.create(NewCenter(name: "规划中心 \(tag)", operatorId: operatorOrg.id), as: .system)
        try await TestDatabase.catalogue(
            ["robot.industrial", "cnc.5axis", "pilot.line", "laser.cut"], in: center.id, on: db)
        _ = try await CalendarService(database: db).setOpeningHours(
            (1...6).map { OpeningHours(weekday: $0, opens: "08:00", closes: "18:00") }, of: center.id, as: .system)
        pool = try await centers.addResource(
            NewResource(kind: .workstationPool, name: "机器人工作站", capabilities: ["robot.industrial"], seats: 10),
            to: center.id, as: .system)
        _ = try await centers.addResource(
            NewResource(kind: .equipmentLine, name: "五轴加工中心", capabilities: ["cnc.5axis"], seats: 1), to: center.id,
            as: .system)
        _ = try await centers.addResource(
            NewResource(kind: .equipmentLine, name: "中试线", capabilities: ["pilot.line"], seats: 1), to: center.id,
            as: .system)
        _ = try await organizations.addInstructor(
            NewInstructor(
                organizationId: school.id, name: "李娜", postType: .fixed, weeklyHourCap: 40,
                skills: [.init(skill: "robot.industrial", expiresOn: CalendarDate(iso: "2030-12-31"))],
                availability: (1...6).map { .init(weekday: $0, from: "08:00", to: "18:00") }),
            to: center.id, as: .system)
        let cohort = try await organizations.addCohort(
            NewCohort(name: "机器人2401班", size: 20), to: school.id, as: .system)
        let requests = RequestService(database: db)
        training = try await requests.create(
            NewRequest(
                organizationId: school.id, title: "工业机器人编程实训",
                details: .studentTraining(
                    .init(
                        cohortId: cohort.id, courseName: "工业机器人编程", sessionsPerWeek: 1, weeks: 2,
                        startDate: CalendarDate(iso: "2026-03-02")!,
                        sessionMinutes: 120, capability: "robot.industrial", studentsPerStation: 2,
                        instructorSkills: ["robot.industrial"],
                        preferredWeekdays: [2])),
                submit: true),
            in: center.id, as: .system)
        upskilling = try await requests.create(
            NewRequest(
                organizationId: enterprise.id, title: "机器人维护",
                details: .employeeUpskilling(
                    .init(
                        participants: 6, course: "机器人维护", skill: "robot.industrial", totalHours: 4, sessionMinutes: 120,
                        earliest: CalendarDate(iso: "2026-03-02")!, latest: CalendarDate(iso: "2026-03-13")!)),
                submit: true),
            in: center.id, as: .system)
        pilotRun = try await requests.create(
            NewRequest(
                organizationId: enterprise.id, title: "激光切割中试",
                details: .pilotProduction(
                    .init(
                        capability: "laser.cut", days: 2, earliestStart: CalendarDate(iso: "2026-03-02")!,
                        latestStart: CalendarDate(iso: "2026-03-10")!)),
                submit: true),
            in: center.id, as: .system)
    }

    /// The plan use cases, with room for the several runs a test queues.
    var service: PlanService { PlanService(database: db, limits: PlanLimits(activePlansPerCenter: 10)) }

    /// Queues a run of `horizon`, by default the center's, with `seconds` of search.
    func queue(
        weights: PlanWeights? = nil, horizon: PlanHorizon = Self.horizon, seconds: Double = 0.3
    )
        async throws -> Plan
    {
        try await service.create(
            NewPlan(horizon: horizon, timeLimitSeconds: seconds, seed: 7, weights: weights), in: center.id,
            as: .system)
    }

    /// Works the queue with `worker` until `plan` is settled; returns it.
    func settle(_ plan: Plan, with worker: PlanWorker) async throws -> Plan {
        var current = try await service.plan(plan.id, as: .system)
        while !current.status.isSettled {
            if try await worker.runOnce() == nil { await Task.yield() }
            current = try await service.plan(plan.id, as: .system)
        }
        return current
    }

    /// Bookings a plan wrote that are still confirmed.
    func bookings(of planId: UUID) async throws -> Int {
        try await db.query(
            """
            SELECT count(*)::int4 AS n FROM request_bookings rb JOIN bookings b ON b.id = rb.booking_id
            WHERE rb.plan_id = \(planId) AND b.status = 'confirmed'
            """
        ).first!.decode("n")
    }

    func state(of request: Request) async throws -> RequestState {
        try await RequestService(database: db).request(request.id, as: .system).state
    }

    func placement(of request: Request) async throws -> RequestPlacement? {
        try await RequestService(database: db).request(request.id, as: .system).placement
    }
}
