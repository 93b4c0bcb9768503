import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Attendance")
struct AttendanceServiceTests {
    @Test("the instructor marks everyone present then the exceptions, inside the window only")
    func instructorMarks() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let attendance = AttendanceService(database: db)
            let (li, wang) = (fixture.students[1], fixture.students[2])
            let roster = try await attendance.mark(
                AttendanceMarks(
                    allPresent: true,
                    marks: [.init(participantId: li.id, mark: .late), .init(participantId: wang.id, mark: .absent)]),
                session: fixture.session.id, now: AttendanceFixture.at(8, 5), as: fixture.instructorCaller)
            #expect(roster.entries.map(\.participant.name) == ["张三", "李四", "王五"])
            #expect(roster.entries.map(\.mark) == [.present, .late, .absent])
            #expect(roster.entries.allSatisfy { $0.source == .instructor })

            for outside in [AttendanceFixture.at(7, 44), AttendanceFixture.at(10, 1)] {
                let error = await #expect(throws: ServiceError.self) {
                    try await attendance.mark(
                        AttendanceMarks(allPresent: true), session: fixture.session.id, now: outside,
                        as: fixture.instructorCaller)
                }
                #expect(Self.rule(of: error) == "session/checkInWindow")
            }
            // 15 minutes before the start the window is open
            _ = try await attendance.mark(
                AttendanceMarks(allPresent: true), session: fixture.session.id, now: AttendanceFixture.at(7, 45),
                as: fixture.instructorCaller)
        }
    }

    @Test("a mark for someone not on the roster is refused, naming the mark")
    func notOnRoster() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let stranger = try await ParticipantService(database: db).addStudent(
                NewParticipant(name: "外班学生"),
                to: try await OrganizationService(database: db).addCohort(
                    NewCohort(name: "其他班", size: 20), to: fixture.center.school.id, as: .system
                ).id, as: .system)
            let error = await #expect(throws: ServiceError.self) {
                try await AttendanceService(database: db).mark(
                    AttendanceMarks(marks: [
                        .init(participantId: fixture.students[0].id, mark: .present),
                        .init(participantId: stranger.id, mark: .present),
                    ]),
                    session: fixture.session.id, now: AttendanceFixture.at(8), as: fixture.instructorCaller)
            }
            #expect(Self.rule(of: error) == "marks/1/participantId/onRoster")
            let roster = try await AttendanceService(database: db).roster(of: fixture.session.id, as: .system)
            #expect(roster.entries.allSatisfy { $0.mark == nil })  // nothing half-written
        }
    }

    @Test("a group's session lists that group's students and those without a group")
    func groupRoster() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let ungrouped = try await ParticipantService(database: db).addStudent(
                NewParticipant(name: "赵六", number: "2401004"), to: fixture.cohort.id, as: .system)
            let booking = try await BookingService(database: db).book(
                NewBooking(
                    organizationId: fixture.center.school.id, category: .studentTraining, title: "分组实训",
                    start: CenterFixture.time(13), end: CenterFixture.time(15),
                    resources: [.init(resourceId: fixture.center.mill.id)], instructorId: nil,
                    cohortIds: [fixture.cohort.id], group: SessionGroup(number: 2, count: 2)),
                in: fixture.center.center.id, as: .system)
            let roster = try await AttendanceService(database: db).roster(of: booking.id, as: .system)
            #expect(Set(roster.entries.map(\.participant.id)) == [fixture.students[2].id, ungrouped.id])
        }
    }

    @Test("rosters are private: managers, the session's instructors and the owning school; not others, not auditors")
    func privacy() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let attendance = AttendanceService(database: db)
            let id = fixture.session.id
            let school = fixture.center.school.id
            for reader in [
                Principal.manager(of: fixture.center.center.id), fixture.instructorCaller, .coordinator(of: school),
            ] {
                #expect(try await attendance.roster(of: id, as: reader).entries.count == 3)
            }
            let auditor = Principal(
                userId: UUID(), username: "auditor", organizationId: UUID(), grants: [RoleGrant(role: .auditor)])
            let otherTeacher = Principal(
                userId: UUID(), username: "other", organizationId: school,
                grants: [RoleGrant(role: .instructor, instructorId: UUID())])
            for outsider in [Principal.coordinator(of: UUID()), .manager(of: UUID()), auditor, otherTeacher] {
                await #expect(throws: ServiceError.notFound(entity: "session")) {
                    try await attendance.roster(of: id, as: outsider)
                }
            }
            // the school sees its class's attendance but does not take it
            await #expect(throws: ServiceError.self) {
                try await attendance.mark(
                    AttendanceMarks(allPresent: true), session: id, now: AttendanceFixture.at(8),
                    as: .coordinator(of: school))
            }
            // and the class roster itself is the school's alone
            await #expect(throws: ServiceError.notFound(entity: "class")) {
                try await ParticipantService(database: db).students(
                    of: fixture.cohort.id, as: .manager(of: fixture.center.center.id))
            }
            #expect(
                try await ParticipantService(database: db).students(of: fixture.cohort.id, as: .coordinator(of: school))
                    .count == 3)
        }
    }

    @Test("a manager's correction needs a reason, is audited with the old mark, and only managers correct")
    func correction() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let attendance = AttendanceService(database: db)
            let wang = fixture.students[2]
            _ = try await attendance.mark(
                AttendanceMarks(allPresent: true, marks: [.init(participantId: wang.id, mark: .absent)]),
                session: fixture.session.id, now: AttendanceFixture.at(8), as: fixture.instructorCaller)
            let manager = try await fixture.center.manager()
            let blank = await #expect(throws: ServiceError.self) {
                try await attendance.correct(
                    AttendanceCorrection(participantId: wang.id, mark: .late, reason: "  "),
                    session: fixture.session.id,
                    as: manager)
            }
            #expect(Self.rule(of: blank) == "reason/required")
            await #expect(
                throws: ServiceError.forbidden(
                    "Only a manager of the center corrects attendance and records outcomes.", rule: "correctsAttendance"
                )
            ) {
                try await attendance.correct(
                    AttendanceCorrection(participantId: wang.id, mark: .late, reason: "病假条"),
                    session: fixture.session.id,
                    as: fixture.instructorCaller)
            }
            let roster = try await attendance.correct(
                AttendanceCorrection(participantId: wang.id, mark: .late, reason: "公交晚点，有证明"),
                session: fixture.session.id, as: manager)
            let entry = try #require(roster.entries.first { $0.participant.id == wang.id })
            #expect(entry.mark == .late && entry.source == .correction && entry.reason == "公交晚点，有证明")
            let audit = try #require(
                try await db.query(
                    """
                    SELECT user_id, before->>'mark' AS old, after->>'mark' AS new, after->>'reason' AS reason
                    FROM audit_log WHERE entity = 'attendance_mark' AND action = 'correct'
                      AND entity_id = \("\(fixture.session.id.uuidString)/\(wang.id.uuidString)")
                    """
                ).first)
            #expect(try audit.decode("old", as: String.self) == "absent")
            #expect(try audit.decode("new", as: String.self) == "late")
            #expect(try audit.decode("reason", as: String.self) == "公交晚点，有证明")
            #expect(try audit.decode("user_id", as: UUID.self) == manager.userId)
        }
    }

    @Test("actual times: the end after the start; or did not take place, with a note for 'other'; at the version read")
    func report() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await AttendanceFixture(db)
            let attendance = AttendanceService(database: db)
            let id = fixture.session.id
            let backwards = await #expect(throws: ServiceError.self) {
                try await attendance.report(
                    SessionReport(actualStart: AttendanceFixture.at(9), actualEnd: AttendanceFixture.at(8)),
                    session: id,
                    version: 0, as: fixture.instructorCaller)
            }
            #expect(Self.rule(of: backwards) == "actualEnd/afterStart")
            let noNote = await #expect(throws: ServiceError.self) {
                try await attendance.report(
                    SessionReport(notHeld: .init(reason: .other)), session: id, version: 0, as: fixture.instructorCaller
                )
            }
            #expect(Self.rule(of: noNote) == "notHeld/note/required")
            let held = try await attendance.report(
                SessionReport(actualStart: AttendanceFixture.at(8, 10), actualEnd: AttendanceFixture.at(9, 50)),
                session: id, version: 0, as: fixture.instructorCaller)
            #expect(held.record.actualStart == AttendanceFixture.at(8, 10) && held.record.version == 1)
            await #expect(throws: ServiceError.staleVersion(current: 1)) {
                try await attendance.report(
                    SessionReport(notHeld: .init(reason: .holiday)), session: id, version: 0,
                    as: fixture.instructorCaller)
            }
            let notHeld = try await attendance.report(
                SessionReport(notHeld: .init(reason: .equipmentFailure)), session: id, version: 1,
                as: fixture.instructorCaller)
            #expect(notHeld.record.notHeld?.reason == .equipmentFailure && notHeld.record.actualStart == nil)
        }
    }

    static func rule(of error: ServiceError?) -> String? {
        guard case .invalid(let domain) = error else { return nil }
        return "\(domain.field)/\(domain.rule)"
    }
}
