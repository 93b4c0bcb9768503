import Access
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

/// A center of its own in a database of its own (the national holidays are global): open Mon–Sat
/// 08:00–12:00, one robot pool, one instructor, a class of 20, the shipped 2025/2026 holidays and the
/// spring 2026 term (18 weeks from 2026-03-02, week 12 off).
struct TermCenter {
    let db: Database
    let center: Center
    let school: Organization
    let cohort: Cohort
    let term: Term

    init(_ db: Database) async throws {
        self.db = db
        let organizations = OrganizationService(database: db)
        let centers = CenterService(database: db)
        let operatorOrg = try await organizations.create(name: "运营方", kind: .centerOperator, as: .system)
        school = try await organizations.create(name: "职业学院", kind: .higherVocationalCollege, as: .system)
        center = try await centers.create(NewCenter(name: "学期中心", operatorId: operatorOrg.id), as: .system)
        try await TestDatabase.catalogue(["robot.industrial"], in: center.id, on: db)
        let calendar = CalendarService(database: db)
        _ = try await calendar.setOpeningHours(
            (1...6).map { OpeningHours(weekday: $0, opens: "08:00", closes: "12:00") }, of: center.id, as: .system)
        _ = try await centers.addResource(
            NewResource(kind: .workstationPool, name: "机器人工作站", capabilities: ["robot.industrial"], seats: 10),
            to: center.id, as: .system)
        _ = try await organizations.addInstructor(
            NewInstructor(
                organizationId: school.id, name: "李娜", postType: .fixed, weeklyHourCap: 40,
                skills: [.init(skill: "robot.industrial", expiresOn: CalendarDate(iso: "2030-12-31"))],
                availability: (1...6).map { .init(weekday: $0, from: "08:00", to: "12:00") }),
            to: center.id, as: .system)
        cohort = try await organizations.addCohort(NewCohort(name: "机器人2401班", size: 20), to: school.id, as: .system)
        _ = try await calendar.importDays(
            HolidayCSV(text: try OfficialCalendar.csv(), makeupRule: .sameAsHoliday), as: .system)
        term = try await TermService(database: db).create(
            NewTerm(
                name: "2026春季学期", firstDay: CalendarDate(iso: "2026-03-02")!, weeks: 18,
                weeksOff: [WeekOff(week: 12, name: "技能大赛周")]), in: center.id, as: .system)
    }

    /// Asks for `weeks` of the term, Mondays preferred, three hours a session.
    func training(_ weeks: String) async throws -> Request {
        try await RequestService(database: db).create(
            NewRequest(
                organizationId: school.id, title: "工业机器人编程实训",
                details: .studentTraining(
                    .init(
                        cohortId: cohort.id, courseName: "工业机器人编程", sessionsPerWeek: 1, weeks: 1,
                        startDate: term.firstDay, sessionMinutes: 180, capability: "robot.industrial",
                        studentsPerStation: 2, instructorSkills: ["robot.industrial"], preferredWeekdays: [1],
                        termId: term.id, teachingWeeks: WeeksPattern(weeks))),
                submit: true),
            in: center.id, as: .system)
    }

    /// Runs the planner over `from`…`to` and waits for it.
    func plan(from: String, to: String) async throws -> PlanResult {
        let service = PlanService(database: db, limits: PlanLimits(activePlansPerCenter: 10))
        let worker = PlanWorker(database: db, logger: Logger(label: "test.worker"))
        let horizon = PlanHorizon(from: CalendarDate(iso: from)!, to: CalendarDate(iso: to)!)
        var plan = try await service.create(
            NewPlan(horizon: horizon, timeLimitSeconds: 0.3, seed: 7, weights: nil), in: center.id, as: .system)
        while !plan.status.isSettled {
            if try await worker.runOnce() == nil { await Task.yield() }
            plan = try await service.plan(plan.id, as: .system)
        }
        return try #require(plan.result)
    }
}

@Suite("Teaching weeks, holidays and the planner")
struct TermPlanningTests {
    @Test("no session on 清明, 五一 or 端午; a Monday holiday moves its session; a shut week is explained")
    func holidays() async throws {
        try await TestDatabase.withMigratedDatabase { db in
            let center = try await TermCenter(db)
            // week 6 (04-06–04-12): Monday is 清明节, Tuesday to Saturday a closure, Sunday never opens
            _ = try await CalendarService(database: db).addClosure(
                Closure(from: "2026-04-07", to: "2026-04-11", reason: "设备检修"), to: center.center.id, as: .system)
            // weeks 5, 6, 9, 10, 16 hold 清明 (04-04–06), 五一 (05-01–05) and 端午 (06-19–21); week 12 is off
            let request = try await center.training("5-6,9-12,16")
            let result = try await center.plan(from: "2026-03-30", to: "2026-06-21")
            let mine = result.assignments.filter { $0.requestId == request.id }
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let dates = mine.map { assignment in
                let parts = calendar.dateComponents([.year, .month, .day], from: assignment.start)
                return CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
            }
            let holidays = Set(
                HolidayCSV(text: try OfficialCalendar.csv(), makeupRule: .sameAsHoliday).days.filter {
                    $0.kind == .publicHoliday
                }.map(\.date))
            // weeks 5, 9, 10, 11 and 16 placed; not 6 (shut) nor 12 (off)
            #expect(dates.count == 5)
            #expect(dates.allSatisfy { !holidays.contains($0) }, "\(dates)")
            #expect(Set(dates.map { center.term.week(of: $0) ?? 0 }) == Set([5, 9, 10, 11, 16]))
            // week 10's Monday 05-04 is 劳动节: its session moved to another open day of that week
            #expect(dates.contains { center.term.week(of: $0) == 10 && $0 > CalendarDate(iso: "2026-05-05")! })
            let unplaced = result.unplaced.filter { $0.requestId == request.id }
            #expect(unplaced.count == 1)
            let reason = unplaced.first?.reasons.map(\.en).joined(separator: " ") ?? ""
            #expect(reason.contains("week 6 (2026-04-06–2026-04-12)"), "\(reason)")
            #expect(reason.contains("清明节") && reason.contains("设备检修"), "\(reason)")
        }
    }

    @Test("a request stored before terms existed reads and plans as before the migration")
    func olderRequestSurvivesMigration() async throws {
        try await TestDatabase.withEmptyDatabase { db, _ in
            let all = try Migration.load(from: TestDatabase.migrationsDirectory)
            let before = all.filter { $0.version < 16 }
            try #require(before.count < all.count)
            try await Migrator(database: db, migrations: before).migrate()
            // the schema as it was before 0016: rows written in SQL, since the services read later columns
            let (operatorId, schoolId, centerId, cohortId) = (UUID(), UUID(), UUID(), UUID())
            try await db.query(
                """
                INSERT INTO organizations (id, name, kind) VALUES
                    (\(operatorId), '运营方', 'center_operator'), (\(schoolId), '职业学院', 'secondary_vocational_school')
                """)
            try await db.query("INSERT INTO centers (id, name, operator_id) VALUES (\(centerId), '旧中心', \(operatorId))")
            try await db.query(
                "INSERT INTO cohorts (id, organization_id, name, size) VALUES (\(cohortId), \(schoolId), '数控2301班', 30)"
            )
            let old = """
                {"cohortId": "\(cohortId)", "courseName": "数控车削", "sessionsPerWeek": 1, "weeks": 16,
                 "startDate": "2026-03-02", "sessionMinutes": 180, "capability": "cnc.lathe", "studentsPerStation": 2,
                 "instructorSkills": ["cnc.lathe"], "preferredWeekdays": [2]}
                """
            let id: UUID = try await db.query(
                """
                INSERT INTO requests (center_id, organization_id, category, title, details, state)
                VALUES (\(centerId), \(schoolId), 'student_training', '数控2301班 数控车削', \(JSONB(json: old)), 'submitted')
                RETURNING id
                """
            ).first!.decode("id")
            try await Migrator(database: db, migrations: all).migrate()
            let request = try await RequestService(database: db).request(id, as: .system)
            guard case .studentTraining(let details) = request.details else {
                Issue.record("expected student training")
                return
            }
            #expect(
                details.weeks == 16 && details.startDate == CalendarDate(iso: "2026-03-02") && details.termId == nil)
            let snapshot = try await db.withConnection { connection in
                try CenterSnapshot.load(
                    centerId: centerId, first: "2026-03-02", last: "2026-06-21", requestIds: nil, on: connection)
            }
            let problem = ProblemBuilder.build(snapshot, weights: nil)
            #expect(problem.requestSessions.filter { $0.key.requestId == id }.count == 16)
        }
    }
}
