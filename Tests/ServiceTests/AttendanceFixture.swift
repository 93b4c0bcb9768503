import Access
import Database
import Dates
import Domain
import Foundation
import Service

/// A center (``CenterFixture``) with a class of three students (two in group 1, one in group 2), an
/// instructor, and a session of the class on the lathe from 08:00 to 10:00.
struct AttendanceFixture {
    let center: CenterFixture
    let cohort: Cohort
    let instructor: Instructor
    let session: Booking
    let students: [Participant]

    init(_ db: Database) async throws {
        center = try await CenterFixture(db)
        let organizations = OrganizationService(database: db)
        cohort = try await organizations.addCohort(
            NewCohort(name: "数控2401班", size: 30), to: center.school.id, as: .system)
        instructor = try await organizations.addInstructor(
            NewInstructor(
                organizationId: center.school.id, name: "王老师", postType: .fixed, weeklyHourCap: 20, skills: [],
                availability: (1...7).map {  // all day, every day: sessions may move to any hour
                    .init(weekday: $0, from: ClockTime(text: "00:00")!, to: ClockTime(text: "23:30")!)
                }),
            to: center.center.id, as: .system)
        session = try await BookingService(database: db).book(
            center.booking(
                [.init(resourceId: center.lathe.id)], from: 8, to: 10, instructorId: instructor.id,
                cohortIds: [cohort.id]), in: center.center.id, as: .system)
        let participants = ParticipantService(database: db)
        var students: [Participant] = []
        for (name, number, group) in [("张三", "2401001", 1), ("李四", "2401002", 1), ("王五", "2401003", 2)] {
            students.append(
                try await participants.addStudent(
                    NewParticipant(name: name, number: number, group: group), to: cohort.id, as: .system))
        }
        self.students = students
        instructorCaller = try await Self.account(
            RoleGrant(role: .instructor, instructorId: instructor.id), of: center.school.id, db: db)
    }

    /// The session's instructor, signed in.
    let instructorCaller: Principal

    /// A caller with an account of their own (audit rows name their user).
    static func account(_ grant: RoleGrant, of organizationId: UUID, db: Database) async throws -> Principal {
        let user = try await UserService(database: db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(
                username: "user-\(UUID().uuidString.prefix(8).lowercased())", displayName: "测试用户",
                organizationId: organizationId, password: nil, roles: [grant]),
            as: .system)
        return Principal(
            userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
    }

    /// 2026-03-02 at `hour`:`minute`, the session's day.
    static func at(_ hour: Int, _ minute: Int = 0) -> Date { CenterFixture.time(hour, minute) }
}

extension AttendanceFixture {
    /// An SME's upskilling course at the center (12 people, 24 hours, evenings in March and April).
    static func course(
        at center: CenterFixture, db: Database
    ) async throws -> (enterprise: Organization, request: Request) {
        let enterprise = try await OrganizationService(database: db).create(
            name: "精密机械 \(UUID().uuidString.prefix(6))", kind: .sme, as: .system)
        let request = try await RequestService(database: db).create(
            NewRequest(
                organizationId: enterprise.id, title: "数控车工提升",
                details: .employeeUpskilling(
                    .init(
                        participants: 12, course: "数控车工提升", skill: "cnc.lathe", totalHours: 24, sessionMinutes: 180,
                        earliest: CalendarDate(iso: "2026-03-01")!, latest: CalendarDate(iso: "2026-04-30")!,
                        allowedTimes: [
                            .init(
                                weekdays: [1, 2, 3, 4, 5], from: ClockTime(text: "18:30")!,
                                to: ClockTime(text: "21:30")!)
                        ], cohortId: nil))),
            in: center.center.id, as: .system)
        return (enterprise, request)
    }
}
