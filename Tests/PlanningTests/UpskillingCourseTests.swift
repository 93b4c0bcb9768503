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

/// Upskilling courses of parts, the enterprise's own trainers, training types and certificates,
/// against PostgreSQL: a course whose theory goes to a classroom and whose practice goes to the
/// robot stations, taught only by the trainer the enterprise named.
@Suite("Upskilling courses of parts against PostgreSQL")
struct UpskillingCourseTests {
    static let window = (CalendarDate(iso: "2026-03-02")!, CalendarDate(iso: "2026-03-13")!)

    /// The course: two theory sessions in any classroom, two practice sessions on the robot stations.
    static func course(trainers: [UUID]?, type: TrainingType? = .onJob) -> EmployeeUpskillingDetails {
        EmployeeUpskillingDetails(
            participants: 6, course: "机器人安全与维护", skill: "", totalHours: 0, sessionMinutes: 0,
            earliest: window.0, latest: window.1,
            parts: [
                CoursePart(kind: .theory, capability: nil, skill: "safety.basic", sessionMinutes: 120, sessions: 2),
                CoursePart(
                    kind: .practice, capability: "robot.industrial", skill: "robot.industrial", sessionMinutes: 120,
                    sessions: 2),
            ],
            trainingType: type, trainerIds: trainers)
    }

    /// A caller with an account of its own (audit rows name it): a coordinator of `organization`, or
    /// with `manager` set, a manager of `center`.
    static func account(
        _ db: Database, of organization: Organization, school: Bool = false, manager center: UUID? = nil
    ) async throws -> Principal {
        let role =
            center.map { RoleGrant(role: .centerManager, centerId: $0) }
            ?? RoleGrant(role: school ? .schoolCoordinator : .enterpriseCoordinator)
        let user = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(
                username: "course-\(UUID().uuidString.prefix(8).lowercased())", displayName: "培训专员",
                organizationId: organization.id, password: nil, roles: [role]),
            as: .system)
        return Principal(
            userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
    }

    /// The planning center with a classroom and the enterprise's own trainer (师傅), registered by
    /// the enterprise's coordinator, holding both skills of the course.
    static func center(_ db: Database) async throws -> (PlanningCenter, classroom: Resource, trainer: Instructor) {
        let center = try await PlanningCenter(db)
        try await TestDatabase.catalogue(["safety.basic"], in: center.center.id, on: db)
        let classroom = try await CenterService(database: db).addResource(
            NewResource(kind: .room, name: "理论教室", seats: 40), to: center.center.id, as: .system)
        let trainer = try await OrganizationService(database: db).addInstructor(
            NewInstructor(
                organizationId: center.enterprise.id, name: "王师傅", postType: .flexible, weeklyHourCap: 20,
                skills: [
                    .init(skill: "robot.industrial", expiresOn: CalendarDate(iso: "2027-06-30")),
                    .init(skill: "safety.basic"),
                ],
                availability: (1...6).map { .init(weekday: $0, from: "08:00", to: "18:00") }),
            to: center.center.id, as: try await account(db, of: center.enterprise))
        return (center, classroom, trainer)
    }

    @Test("a planner run puts theory in the classroom and practice on the stations, all taught by the named trainer")
    func partsPlaced() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let (center, classroom, trainer) = try await Self.center(db)
            let course = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: center.enterprise.id, title: "机器人安全与维护",
                    details: .employeeUpskilling(Self.course(trainers: [trainer.id])), submit: true),
                in: center.center.id, as: try await Self.account(db, of: center.enterprise))
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "parts"))
            let placed = try #require(plan.result).assignments.filter { $0.requestId == course.id }
                .sorted { $0.session < $1.session }
            #expect(placed.map(\.session) == [0, 1, 2, 3])
            #expect(placed.prefix(2).allSatisfy { $0.resourceId == classroom.id })
            #expect(placed.suffix(2).allSatisfy { $0.resourceId == center.pool.id })
            #expect(placed.allSatisfy { $0.instructorId == trainer.id })
            #expect(placed.allSatisfy { $0.cohortIds.isEmpty })
            // the course's participants are in one place at a time
            for (index, one) in placed.enumerated() {
                for other in placed[(index + 1)...] { #expect(one.end <= other.start || other.end <= one.start) }
            }
        }
    }

    @Test(
        "another organization's instructor, a trainer without a part's skill, and a foreign training type are refused")
    func refusals() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let (center, _, trainer) = try await Self.center(db)
            let requests = RequestService(database: db)
            let officer = try await Self.account(db, of: center.enterprise)
            let schoolTeacher = try await OrganizationService(database: db).instructors(
                of: center.center.id, page: Page(limit: 10), as: .system
            ).first { $0.organizationId == center.school.id }!
            func refusal(_ details: EmployeeUpskillingDetails) async -> DomainError? {
                do {
                    _ = try await requests.create(
                        NewRequest(
                            organizationId: center.enterprise.id, title: "被拒课程", details: .employeeUpskilling(details),
                            submit: true),
                        in: center.center.id, as: officer)
                } catch ServiceError.invalid(let error) {
                    return error
                } catch {}
                return nil
            }
            let foreign = await refusal(Self.course(trainers: [trainer.id, schoolTeacher.id]))
            #expect(foreign?.field == "details/trainerIds/1" && foreign?.rule == "ownTrainer")
            var lapsed = Self.course(trainers: [trainer.id])
            lapsed.latest = CalendarDate(iso: "2027-07-01")!  // past the robot certificate
            let skill = await refusal(lapsed)
            #expect(skill?.field == "details/parts/1/skill" && skill?.rule == "trainerSkill")
            let type = await refusal(Self.course(trainers: nil, type: .teacherPractice))
            #expect(type?.field == "details/trainingType" && type?.rule == "askerKind")
            var classroomless = Self.course(trainers: nil)
            classroomless.parts?[1].capability = nil
            let need = await refusal(classroomless)
            #expect(need?.field == "details/parts/1/capability" && need?.rule == "required")
            let count = try await db.query(
                "SELECT count(*)::int4 AS n FROM requests WHERE organization_id = \(center.enterprise.id)"
            ).first!.decode("n", as: Int.self)
            #expect(count == 2)  // the fixture's upskilling and pilot run: nothing half-written
        }
    }

    @Test("a coordinator registers only their own organization's trainers")
    func ownTrainersOnly() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            await #expect(throws: ServiceError.self) {
                _ = try await OrganizationService(database: db).addInstructor(
                    NewInstructor(
                        organizationId: center.school.id, name: "冒名", postType: .flexible, weeklyHourCap: 10,
                        skills: [], availability: []),
                    to: center.center.id, as: try await Self.account(db, of: center.enterprise))
            }
        }
    }

    @Test("a school asks for its teachers' practice; the type is stored and read back, the summary derived")
    func teacherPractice() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let requests = RequestService(database: db)
            let school = try await Self.account(db, of: center.school, school: true)
            var details = Self.course(trainers: nil, type: nil)
            await #expect(throws: ServiceError.self) {
                _ = try await requests.create(
                    NewRequest(
                        organizationId: center.school.id, title: "教师岗位实践", details: .employeeUpskilling(details),
                        submit: true),
                    in: center.center.id, as: school)
            }
            try await TestDatabase.catalogue(["safety.basic"], in: center.center.id, on: db)
            details.trainingType = .teacherPractice
            let made = try await requests.create(
                NewRequest(
                    organizationId: center.school.id, title: "教师岗位实践", details: .employeeUpskilling(details),
                    submit: true),
                in: center.center.id, as: school)
            guard case .employeeUpskilling(let stored) = try await requests.request(made.id, as: school).details else {
                Issue.record("not an upskilling request")
                return
            }
            #expect(stored.trainingType == .teacherPractice)
            #expect(stored.parts?.map(\.kind) == [.theory, .practice])
            #expect(stored.skill == "robot.industrial" && stored.totalHours == 8 && stored.sessionMinutes == 120)
        }
    }

    @Test("a participant's outcome keeps its certificate number; a certificate without completion is refused")
    func certificate() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let people = ParticipantService(database: db)
            let officer = try await Self.account(db, of: center.enterprise)
            let person = try await people.addParticipant(
                NewParticipant(name: "赵敏", number: "E1001", position: "维修工"), to: center.upskilling.id,
                as: officer)
            let manager = try await Self.account(db, of: center.school, manager: center.center.id)
            await #expect(throws: ServiceError.self) {
                _ = try await people.recordOutcome(
                    Outcome(completed: false, certificateNumber: "ZS-2026-001"), for: person.id, as: manager)
            }
            _ = try await people.recordOutcome(
                Outcome(completed: true, achievement: "工业机器人运维 四级", certificateNumber: "ZS-2026-001"),
                for: person.id, as: manager)
            let listed = try await people.participants(of: center.upskilling.id, as: officer)
            #expect(listed.map(\.outcome?.certificateNumber) == ["ZS-2026-001"])
            #expect(listed.map(\.position) == ["维修工"])
            // the people report counts it by training type (the fixture's course gives none)
            let report = try await ReportService(database: db).report(
                .people, at: center.center.id,
                filter: try ReportFilter(from: CalendarDate(iso: "2026-03-01")!, to: CalendarDate(iso: "2026-03-31")!),
                as: manager)
            let types = try #require(report.section("trainingTypes"))
            #expect(types.rows.map(\.key) == ["unspecified", "total"])
            #expect(types.rows.last?.values == [1, 1, 1])
        }
    }
}
