import Access
import Allocator
import Database
import Dates
import Domain
import Foundation
import Logging
import Service
import TestSupport
import Testing

@testable import Planning

/// A center with two 15-station lathe bays, a class of 48 at 2 per station, two school teachers and two
/// enterprise mentors, and a request of the class in groups, with a mentor and at most 12 students per instructor.
private struct GroupsCenter {
    let db: Database
    let center: Center
    let school: Organization
    let cohort: Domain.Cohort
    let bays: [Domain.Resource]
    let teachers: [Domain.Instructor]
    let mentors: [Domain.Instructor]

    init(_ db: Database) async throws {
        self.db = db
        let tag = UUID().uuidString.prefix(8)
        let organizations = OrganizationService(database: db)
        let centers = CenterService(database: db)
        let operatorOrg = try await organizations.create(name: "运营方 \(tag)", kind: .centerOperator, as: .system)
        school = try await organizations.create(name: "技师学院 \(tag)", kind: .higherVocationalCollege, as: .system)
        let enterprise = try await organizations.create(name: "机床厂 \(tag)", kind: .largeEnterprise, as: .system)
        center = try await centers.create(NewCenter(name: "分组中心 \(tag)", operatorId: operatorOrg.id), as: .system)
        try await TestDatabase.catalogue(["cnc.lathe", "cnc.mill", "mentor.machining"], in: center.id, on: db)
        _ = try await CalendarService(database: db).setOpeningHours(
            (1...5).map { OpeningHours(weekday: $0, opens: "08:00", closes: "12:00") }, of: center.id, as: .system)
        var bays: [Domain.Resource] = []
        for name in ["车工A区", "车工B区"] {
            bays.append(
                try await centers.addResource(
                    NewResource(kind: .workstationPool, name: name, capabilities: ["cnc.lathe"], seats: 15),
                    to: center.id, as: .system))
        }
        self.bays = bays
        let centerId = center.id
        func instructor(_ name: String, _ organization: Organization, _ skill: String) async throws -> Domain.Instructor
        {
            try await organizations.addInstructor(
                NewInstructor(
                    organizationId: organization.id, name: name, postType: .fixed, weeklyHourCap: 40,
                    skills: [.init(skill: skill)],
                    availability: (1...5).map { .init(weekday: $0, from: "08:00", to: "12:00") }),
                to: centerId, as: .system)
        }
        let school = school
        teachers = [try await instructor("王老师", school, "cnc.lathe"), try await instructor("赵老师", school, "cnc.lathe")]
        mentors = [
            try await instructor("陈师傅", enterprise, "mentor.machining"),
            try await instructor("刘师傅", enterprise, "mentor.machining"),
        ]
        cohort = try await organizations.addCohort(NewCohort(name: "数控2401班", size: 48), to: school.id, as: .system)
    }

    /// The class's lathe practice: one 4-hour meeting in the week of 2026-03-02, as `groups` says.
    func details(groups: TrainingGroups?, ratio: Int? = 12, mentor: Bool = true) -> StudentTrainingDetails {
        StudentTrainingDetails(
            cohortId: cohort.id, courseName: "车工实训", sessionsPerWeek: 1, weeks: 1,
            startDate: CalendarDate(iso: "2026-03-02")!, sessionMinutes: 240, capability: "cnc.lathe",
            studentsPerStation: 2, instructorSkills: ["cnc.lathe"], groups: groups,
            mentorSkills: mentor ? ["mentor.machining"] : nil, studentsPerInstructor: ratio)
    }

    func request(_ details: StudentTrainingDetails) async throws -> Request {
        try await RequestService(database: db).create(
            NewRequest(organizationId: school.id, title: "车工实训", details: .studentTraining(details), submit: true),
            in: center.id, as: .system)
    }

    var service: PlanService { PlanService(database: db, limits: PlanLimits(activePlansPerCenter: 10)) }

    func plan() async throws -> Plan {
        let queued = try await service.create(
            NewPlan(
                horizon: PlanHorizon(from: "2026-03-02", to: "2026-03-08"), timeLimitSeconds: 0.3, seed: 3, weights: nil
            ),
            in: center.id, as: .system)
        let worker = PlanWorker(
            database: db, configuration: PlanWorkerConfiguration(workerId: "groups-\(UUID().uuidString.prefix(6))"),
            logger: Logger(label: "test.worker"))
        var current = try await service.plan(queued.id, as: .system)
        while !current.status.isSettled {
            if try await worker.runOnce() == nil { await Task.yield() }
            current = try await service.plan(queued.id, as: .system)
        }
        return current
    }
}

@Suite("Groups and two instructors, planned and published against PostgreSQL")
struct GroupsPlanTests {
    @Test(
        "48 students at 2 per station in two 15-station bays: two groups of 12 stations, together, each with a teacher of the school and a mentor"
    )
    func groupsTogetherWithMentors() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let world = try await GroupsCenter(db)
            _ = try await world.request(world.details(groups: TrainingGroups(split: .stations, together: true)))
            let plan = try await world.plan()
            let result = try #require(plan.result)
            #expect(result.score.feasible)
            #expect(result.unplaced.isEmpty, "\(result.unplaced)")
            let groups = result.assignments.sorted { $0.session < $1.session }
            #expect(groups.count == 2)
            #expect(groups.map(\.group) == [SessionGroup(number: 1, count: 2), SessionGroup(number: 2, count: 2)])
            #expect(groups.allSatisfy { $0.stations == 12 && $0.participants == 24 })
            #expect(Set(groups.map(\.start)).count == 1)
            #expect(Set(groups.map(\.resourceId)) == Set(world.bays.map(\.id)))
            #expect(groups.allSatisfy { world.teachers.map(\.id).contains($0.instructorId ?? UUID()) })
            #expect(groups.allSatisfy { world.mentors.map(\.id).contains($0.secondInstructorId ?? UUID()) })
            let people = groups.flatMap { [$0.instructorId, $0.secondInstructorId] }.compactMap { $0 }
            #expect(Set(people).count == 4)

            _ = try await world.service.publish(plan.id, as: .system)
            let bookings = try await BookingService(database: db, now: TestClock.term).bookings(
                in: world.center.id, from: groups[0].start, to: groups[0].end, status: .confirmed,
                page: try Page(limit: 50), as: .system
            ).compactMap(\.details)
            #expect(
                Set(bookings.compactMap(\.group)) == [
                    SessionGroup(number: 1, count: 2), SessionGroup(number: 2, count: 2),
                ])
            #expect(Set(bookings.compactMap(\.secondInstructorId)) == Set(groups.compactMap(\.secondInstructorId)))

            // the mentor's timetable holds the session they are second instructor of, with both teachers and its group
            let mentorTimetable = try await TimetableService(database: db).timetable(
                of: .instructor(try #require(groups[0].secondInstructorId)), from: groups[0].start, to: groups[0].end,
                page: try Page(limit: 10), as: .system)
            #expect(mentorTimetable.count == 1)
            #expect(mentorTimetable.first?.instructor?.id == groups[0].instructorId)
            #expect(mentorTimetable.first?.secondInstructor?.id == groups[0].secondInstructorId)
            #expect(mentorTimetable.first?.group == groups[0].group)

            // the database refuses the mentor elsewhere at that time, though the mentor is only a second instructor
            let mentor = try #require(groups[0].secondInstructorId)
            await #expect(throws: ServiceError.self) {
                _ = try await BookingService(database: db, now: TestClock.term).book(
                    NewBooking(
                        organizationId: world.school.id, category: .studentTraining, title: "另一节课",
                        start: groups[0].start, end: groups[0].end,
                        resources: [Booking.Use(resourceId: world.bays[0].id, stations: 1)], instructorId: mentor),
                    in: world.center.id, as: .system)
            }
        }
    }

    @Test("groups in rotation work at station (g + k) mod n, and groups that are not together never overlap")
    func rotationApart() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let world = try await GroupsCenter(db)
            _ = try await CenterService(database: db).addResource(
                NewResource(kind: .workstationPool, name: "铣工区", capabilities: ["cnc.mill"], seats: 15),
                to: world.center.id, as: .system)
            var details = world.details(
                groups: TrainingGroups(
                    split: .count, groupCount: 2, mode: .rotation, together: false, rotation: ["cnc.lathe", "cnc.mill"]),
                ratio: nil, mentor: false)
            details.sessionsPerWeek = 2
            details.sessionMinutes = 120
            let request = try await world.request(details)
            let snapshot = try await db.withConnection {
                try CenterSnapshot.load(
                    centerId: world.center.id, first: CalendarDate(iso: "2026-03-02")!,
                    last: CalendarDate(iso: "2026-03-08")!, requestIds: nil, on: $0)
            }
            let planning = ProblemBuilder.build(snapshot, weights: nil)
            let sessions = (0..<4).map { number in
                planning.problem.sessions[planning.sessionIndex[SessionKey(requestId: request.id, session: number)]!]
            }
            // meeting 0: group 1 lathe, group 2 mill; meeting 1: group 1 mill, group 2 lathe
            let capabilities = sessions.map { session in
                session.resourceNeed.eligibleResources.map { $0.map { snapshot.resources[$0].capabilities[0] } } ?? []
            }
            #expect(
                capabilities == [["cnc.lathe", "cnc.lathe"], ["cnc.mill"], ["cnc.mill"], ["cnc.lathe", "cnc.lathe"]])
            #expect(planning.problem.series.allSatisfy { $0.kind != .simultaneous })
            #expect(Set(sessions.map(\.cohorts)).count == 1, "apart, every group keeps the whole class")
        }
    }

    @Test(
        "a group larger than its class, more groups than stations, a short rotation and a ratio too low are refused with 422"
    )
    func badGroups() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let world = try await GroupsCenter(db)
            let cases: [(TrainingGroups?, Int?, String, String)] = [
                (TrainingGroups(split: .size, groupSize: 60), 12, "details/groups/groupSize", "groupLargerThanClass"),
                (
                    TrainingGroups(split: .count, groupCount: 30), 12, "details/groups/groupCount",
                    "moreGroupsThanStations"
                ),
                (
                    TrainingGroups(split: .count, groupCount: 3, mode: .rotation, rotation: ["cnc.lathe", "cnc.mill"]),
                    12,
                    "details/groups/rotation", "fewerStationsThanGroups"
                ),
                (TrainingGroups(split: .count, groupCount: 2), 8, "details/studentsPerInstructor", "ratio"),
            ]
            for (groups, ratio, field, rule) in cases {
                let refusal = await #expect(throws: ServiceError.self) {
                    _ = try await world.request(world.details(groups: groups, ratio: ratio))
                }
                guard case .invalid(let error) = refusal else {
                    Issue.record("expected 422 for \(field), got \(String(describing: refusal))")
                    continue
                }
                #expect(error.field == field)
                #expect(error.rule == rule)
            }
        }
    }

    @Test("the demo's class of 48 is planned as two groups together, each with a teacher of the college and a mentor")
    func demoPlacesGroups() async throws {
        try await TestDatabase.withMigratedDatabase { db in
            let centerId = try await DemoCenter(database: db).load().centerId
            let service = PlanService(database: db, limits: PlanLimits(activePlansPerCenter: 10))
            let queued = try await service.create(
                NewPlan(
                    horizon: PlanHorizon(from: "2026-03-02", to: "2026-03-08"), timeLimitSeconds: 2, seed: 5,
                    weights: nil),
                in: centerId, as: .system)
            let worker = PlanWorker(
                database: db, configuration: PlanWorkerConfiguration(workerId: "demo-groups"),
                logger: Logger(label: "test.worker"))
            var plan = try await service.plan(queued.id, as: .system)
            while !plan.status.isSettled {
                if try await worker.runOnce() == nil { await Task.yield() }
                plan = try await service.plan(queued.id, as: .system)
            }
            let result = try #require(plan.result)
            let groups = result.assignments.filter { $0.group != nil }
            #expect(groups.count == 2, "\(result.unplaced.filter { $0.name.contains("模具") })")
            #expect(Set(groups.map(\.start)).count == 1)
            #expect(groups.allSatisfy { $0.secondInstructorId != nil && $0.stations == 12 })
        }
    }
}
