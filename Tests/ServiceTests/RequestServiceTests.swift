import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Requests of the four categories and their life cycle")
struct RequestServiceTests {
    struct Setting {
        let center: CenterFixture
        let enterprise: Organization
        let sme: Organization
        let operatorId: UUID
        let cohort: UUID

        init(_ db: Database) async throws {
            center = try await CenterFixture(db)
            let tag = UUID().uuidString.prefix(8)
            enterprise = try await OrganizationService(database: db).create(
                name: "重汽集团 \(tag)", kind: .largeEnterprise, as: .system)
            sme = try await OrganizationService(database: db).create(name: "精工小微 \(tag)", kind: .sme, as: .system)
            operatorId = center.center.operatorId
            cohort = try await db.query(
                "INSERT INTO cohorts (organization_id, name, size) VALUES (\(center.school.id), '机电2402班', 40) RETURNING id"
            ).first!.decode("id")
        }

        var training: NewRequest {
            NewRequest(
                organizationId: center.school.id, title: "数控车削实训",
                details: .studentTraining(
                    .init(
                        cohortId: cohort, courseName: "数控车削", sessionsPerWeek: 1, weeks: 16,
                        startDate: CalendarDate(iso: "2026-03-02")!,
                        sessionMinutes: 180, capability: "cnc.lathe", studentsPerStation: 2,
                        instructorSkills: ["cnc.lathe"],
                        preferredWeekdays: [2, 4])))
        }

        var upskilling: NewRequest {
            NewRequest(
                organizationId: enterprise.id, title: "焊接机器人操作",
                details: .employeeUpskilling(
                    .init(
                        participants: 12, course: "焊接机器人操作与编程", skill: "welding.robot", totalHours: 24,
                        sessionMinutes: 180,
                        earliest: CalendarDate(iso: "2026-03-01")!, latest: CalendarDate(iso: "2026-04-30")!,
                        allowedTimes: [
                            .init(
                                weekdays: [1, 2, 3, 4, 5], from: ClockTime(text: "18:30")!,
                                to: ClockTime(text: "21:30")!)
                        ], cohortId: nil)))
        }

        var offering: NewRequest {
            NewRequest(
                organizationId: operatorId, title: "PLC 共享员工课程",
                details: .sharedEmployee(
                    .init(
                        capacity: 24, minEnrolment: 10, decisionDate: CalendarDate(iso: "2026-03-10"), sessions: 8,
                        sessionMinutes: 180,
                        skill: "plc")))
        }

        var pilot: NewRequest {
            NewRequest(
                organizationId: enterprise.id, title: "新型齿轮中试",
                details: .pilotProduction(
                    .init(
                        resourceId: center.pilotLine.id, capability: nil, days: 3,
                        earliestStart: CalendarDate(iso: "2026-03-09")!,
                        latestStart: CalendarDate(iso: "2026-03-27")!,
                        changeoverBeforeMinutes: 60, changeoverAfterMinutes: 240)))
        }
    }

    @Test("one request of each category is recorded with its details intact")
    func create() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            let service = RequestService(database: db)
            let centerId = setting.center.center.id
            for input in [setting.training, setting.upskilling, setting.pilot, setting.offering] {
                let created = try await service.create(input, in: centerId, as: .system)
                #expect(created.state == .draft)
                #expect(created.details == input.details)
                #expect(try await service.request(created.id, as: .system) == created)
            }
            let course = try await service.requests(
                in: centerId, state: nil, category: .sharedEmployee, page: try Page(), as: .system
            ).first!
            try await TestDatabase.dateCourse(course.id, on: db)
            var seats = NewRequest(
                organizationId: setting.sme.id, title: "3 个座位",
                details: .sharedEmployee(.init(courseRequestId: course.id, seats: 3, preferredWeekdays: [6])),
                submit: true)
            let seatRequest = try await service.create(seats, in: centerId, as: .system)
            #expect(seatRequest.state == .submitted)
            seats.details = .sharedEmployee(.init(courseRequestId: UUID(), seats: 3))
            let unknown = await #expect(throws: ServiceError.self) {
                try await service.create(seats, in: centerId, as: .system)
            }
            guard case .invalid(let problem) = unknown else {
                Issue.record("expected invalid, got \(String(describing: unknown))")
                return
            }
            #expect(problem.field == "details/courseRequestId")
            #expect(
                try await service.requests(in: centerId, state: .draft, category: nil, page: try Page(), as: .system)
                    .count == 4)
        }
    }

    @Test("who may ask for what: a school cannot book a pilot run, an enterprise cannot reserve a class's training")
    func askers() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            let service = RequestService(database: db)
            var pilot = setting.pilot
            pilot.organizationId = setting.center.school.id
            var training = setting.training
            training.organizationId = setting.enterprise.id
            var offering = setting.offering
            offering.organizationId = setting.sme.id
            for input in [pilot, training, offering] {
                let error = await #expect(throws: ServiceError.self) {
                    try await service.create(input, in: setting.center.center.id, as: .system)
                }
                guard case .invalid(let problem) = error else {
                    Issue.record("expected invalid, got \(String(describing: error))")
                    continue
                }
                #expect(problem.field == "organizationId")
            }
        }
    }

    @Test(
        "invalid details name the field",
        arguments: [
            // dates and times that do not parse never get this far: decoding refuses them
            ("details/weeks", "range"), ("details/capability", "tag"),
            ("details/sessionMinutes", "divides"), ("details/latest", "notBeforeStart"),
            ("details/allowedTimes/0/to", "afterFrom"),
            ("details/minEnrolment", "atMostCapacity"), ("details/resourceId", "equipmentLine"),
            ("details/cohortId", "exists"),
        ])
    func invalidDetails(_ field: String, _ rule: String) async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            var input: NewRequest
            switch field {
            case "details/weeks", "details/capability", "details/cohortId":
                input = setting.training
                guard case .studentTraining(var details) = input.details else { return }
                switch field {
                case "details/weeks": details.weeks = 40
                case "details/capability": details.capability = "CNC Lathe"
                default: details.cohortId = UUID()
                }
                input.details = .studentTraining(details)
            case "details/minEnrolment":
                input = setting.offering
                guard case .sharedEmployee(var details) = input.details else { return }
                details.minEnrolment = 30
                input.details = .sharedEmployee(details)
            case "details/resourceId":
                input = setting.pilot
                guard case .pilotProduction(var details) = input.details else { return }
                details.resourceId = setting.center.pool.id
                input.details = .pilotProduction(details)
            default:
                input = setting.upskilling
                guard case .employeeUpskilling(var details) = input.details else { return }
                switch field {
                case "details/sessionMinutes": details.sessionMinutes = 150
                case "details/latest": details.latest = CalendarDate(iso: "2026-02-01")!
                default:
                    details.allowedTimes = [
                        .init(weekdays: [1], from: ClockTime(text: "21:00")!, to: ClockTime(text: "18:00")!)
                    ]
                }
                input.details = .employeeUpskilling(details)
            }
            let error = await #expect(throws: ServiceError.self) {
                try await RequestService(database: db).create(input, in: setting.center.center.id, as: .system)
            }
            guard case .invalid(let problem) = error else {
                Issue.record("expected invalid, got \(String(describing: error))")
                return
            }
            #expect(problem.field == field)
            #expect(problem.rule == rule)
        }
    }

    @Test("every pair of states: legal steps succeed and are recorded, illegal ones name the current state")
    func lifeCycle() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            let service = RequestService(database: db)
            let request = try await service.create(setting.upskilling, in: setting.center.center.id, as: .system)
            for from in RequestState.allCases {
                for to in RequestState.allCases {
                    try await db.query(
                        "UPDATE requests SET state = \(from.rawValue)::request_state WHERE id = \(request.id)")
                    let version = try await service.request(request.id, as: .system).version
                    let legal = from.successors.contains(to)
                    do {
                        let moved = try await service.move(
                            request.id, to: to, reason: "名额已满", version: version, as: .system)
                        #expect(legal, "\(from) → \(to) should be refused")
                        #expect(moved.state == to)
                        #expect(moved.version == version + 1)
                    } catch ServiceError.conflict(let message, "transition") {
                        #expect(!legal, "\(from) → \(to) should be allowed")
                        #expect(message.contains(from.rawValue))
                    }
                }
            }
            let history = try await db.query(
                "SELECT count(*) AS n FROM request_transitions WHERE request_id = \(request.id)")
            let legalSteps = RequestState.allCases.reduce(0) { $0 + $1.successors.count }
            #expect(try history.first!.decode("n", as: Int.self) == legalSteps)
        }
    }

    @Test("a rejection needs a reason; a stale version is refused")
    func reasonsAndVersions() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            let service = RequestService(database: db)
            var input = setting.pilot
            input.submit = true
            let request = try await service.create(input, in: setting.center.center.id, as: .system)
            let noReason = await #expect(throws: ServiceError.self) {
                try await service.move(request.id, to: .rejected, reason: "  ", version: request.version, as: .system)
            }
            guard case .invalid(let problem) = noReason else {
                Issue.record("expected invalid")
                return
            }
            #expect(problem.field == "reason")
            let nul = await #expect(throws: ServiceError.self) {
                try await service.move(
                    request.id, to: .rejected, reason: "检修\u{0}", version: request.version, as: .system)
            }
            guard case .invalid(let badText) = nul else {
                Issue.record("expected invalid")
                return
            }
            #expect(badText.field == "reason" && badText.rule == "characters")
            let stale = await #expect(throws: ServiceError.self) {
                try await service.move(request.id, to: .planned, reason: nil, version: request.version + 1, as: .system)
            }
            #expect(stale == .staleVersion(current: request.version))
            let rejected = try await service.move(
                request.id, to: .rejected, reason: "中试线检修", version: request.version, as: .system)
            #expect(rejected.reason == "中试线检修")
        }
    }

    @Test("a school asks for its own class's training by the class's name; another school's class is 422")
    func requestTraining() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            let service = RequestService(database: db)
            let coordinator = try await RequestLifeCycleTests.coordinator(
                of: setting.center.school.id, role: .schoolCoordinator, in: db)
            guard case .studentTraining(var details) = setting.training.details else { return }
            let created = try await service.requestTraining(details, in: setting.center.center.id, as: coordinator)
            #expect(created.title == "机电2402班 数控车削" && created.state == .submitted)
            #expect(created.organizationId == setting.center.school.id)
            let organizations = OrganizationService(database: db)
            let other = try await organizations.create(
                name: "另一所学校 \(UUID().uuidString.prefix(6))", kind: .secondaryVocationalSchool, as: .system)
            details.cohortId = try await organizations.addCohort(
                NewCohort(name: "焊接2301班", size: 25), to: other.id, as: .system
            ).id
            let refused = await #expect(throws: ServiceError.self) {
                try await service.requestTraining(details, in: setting.center.center.id, as: coordinator)
            }
            guard case .invalid(let problem) = refused else {
                Issue.record("expected invalid, got \(String(describing: refused))")
                return
            }
            #expect(problem.field == "details/cohortId")
        }
    }
}
