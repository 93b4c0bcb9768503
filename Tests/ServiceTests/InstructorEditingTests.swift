import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Editing instructors")
struct InstructorEditingTests {
    static func instructor(_ fixture: CenterFixture) async throws -> Instructor {
        try await OrganizationService(database: fixture.db).addInstructor(
            NewInstructor(
                organizationId: fixture.school.id, name: "张伟", postType: .fixed, weeklyHourCap: 20,
                skills: [.init(skill: "welding.robot", expiresOn: CalendarDate(iso: "2026-03-31"))],
                availability: (1...5).map { .init(weekday: $0, from: "08:00", to: "17:30") }),
            to: fixture.center.id, as: .system)
    }

    @Test("a manager renews a certificate and enters leave, audited; a stale version is 412")
    func renewAndLeave() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let teacher = try await Self.instructor(fixture)
            let service = OrganizationService(database: db)
            let manager = try await db.stored(.manager(of: fixture.center.id))
            let change = InstructorChange(
                weeklyHourCap: 16, skills: [.init(skill: "welding.robot", expiresOn: CalendarDate(iso: "2029-03-31"))],
                leave: [Leave(first: "2026-03-09", last: "2026-03-13", note: " 年假 ")])
            let changed = try await service.changeInstructor(teacher.id, change, version: teacher.version, as: manager)
            #expect(changed.skills == [.init(skill: "welding.robot", expiresOn: CalendarDate(iso: "2029-03-31"))])
            #expect(changed.leave == [Leave(first: "2026-03-09", last: "2026-03-13", note: "年假")])
            #expect(changed.weeklyHourCap == 16 && changed.availability == teacher.availability)
            #expect(changed.version == teacher.version + 1)
            #expect(try await service.instructor(teacher.id, as: manager) == changed)
            #expect(try await db.auditRows("instructor", teacher.id, action: "update") == 1)
            await #expect(throws: ServiceError.staleVersion(current: changed.version)) {
                _ = try await service.changeInstructor(teacher.id, change, version: teacher.version, as: manager)
            }
        }
    }

    @Test("an edit's new skill must be in the center's catalogue (422 rule catalogue, nothing written)")
    func skillsFromCatalogue() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let teacher = try await Self.instructor(fixture)
            let service = OrganizationService(database: db)
            let manager = try await db.stored(.manager(of: fixture.center.id))
            let typed = InstructorChange(skills: teacher.skills + [.init(skill: "cnc.latte", expiresOn: nil)])
            let refused = await #expect(throws: ServiceError.self) {
                _ = try await service.changeInstructor(
                    teacher.id, typed, version: teacher.version, as: manager)
            }
            #expect(refused.broken?.field == "skills/1/skill" && refused.broken?.rule == "catalogue")
            #expect(try await service.instructor(teacher.id, as: .system) == teacher)
            let picked = InstructorChange(skills: teacher.skills + [.init(skill: "plc", expiresOn: nil)])
            let changed = try await service.changeInstructor(
                teacher.id, picked, version: teacher.version, as: manager)
            #expect(Set(changed.skills.map(\.skill)) == ["welding.robot", "plc"])
        }
    }

    @Test("the instructor's school coordinator may edit; another school's gets 404; overlapping leave is 422")
    func whoMay() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let teacher = try await Self.instructor(fixture)
            let service = OrganizationService(database: db)
            let leave = InstructorChange(leave: [Leave(first: "2026-04-13", last: "2026-04-17")])
            let edited = try await service.changeInstructor(
                teacher.id, leave, version: teacher.version,
                as: try await db.stored(.coordinator(of: fixture.school.id)))
            #expect(edited.leave.count == 1)
            await #expect(throws: ServiceError.notFound(entity: "instructor")) {
                _ = try await service.changeInstructor(
                    teacher.id, leave, version: edited.version, as: .coordinator(of: UUID()))
            }
            let overlap = InstructorChange(leave: [
                Leave(first: "2026-04-13", last: "2026-04-17"), Leave(first: "2026-04-17", last: "2026-04-20"),
            ])
            let overlapping = await #expect(throws: ServiceError.self) {
                _ = try await service.changeInstructor(
                    teacher.id, overlap, version: edited.version, as: .manager(of: fixture.center.id))
            }
            #expect(overlapping.broken?.field == "leave/1" && overlapping.broken?.rule == "overlap")
            let moved = await #expect(throws: ServiceError.self) {
                _ = try await service.changeInstructor(
                    teacher.id, InstructorChange(organizationId: UUID()), version: edited.version,
                    as: .coordinator(of: fixture.school.id))
            }
            guard case .forbidden = moved else {
                Issue.record("expected 403, got \(String(describing: moved))")
                return
            }
        }
    }

    @Test("a direct booking naming an instructor on leave is refused naming the rule")
    func bookingOnLeave() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let teacher = try await Self.instructor(fixture)
            _ = try await OrganizationService(database: db).changeInstructor(
                teacher.id, InstructorChange(leave: [Leave(first: "2026-03-02", last: "2026-03-02")]),
                version: teacher.version, as: .system)
            let bookings = BookingService(database: db, now: TestClock.term)
            let refused = await #expect(throws: ServiceError.self) {
                _ = try await bookings.book(
                    fixture.booking([.init(resourceId: fixture.lathe.id)], from: 9, to: 11, instructorId: teacher.id),
                    in: fixture.center.id, as: .system)
            }
            #expect(refused.broken?.field == "instructorId" && refused.broken?.rule == "onLeave")
            // the next day he is back
            var nextDay = fixture.booking(
                [.init(resourceId: fixture.lathe.id)], from: 9, to: 11, instructorId: teacher.id)
            nextDay.start = CenterFixture.time(9, day: 3)
            nextDay.end = CenterFixture.time(11, day: 3)
            let booked = try await bookings.book(nextDay, in: fixture.center.id, as: .system)
            #expect(booked.instructorId == teacher.id)
        }
    }
}
