import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Timetables")
struct TimetableServiceTests {
    @Test("per resource, instructor, cohort and organization, with names; pilot production occupied to others")
    func timetables() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let tag = UUID().uuidString.prefix(6)
            let enterprise = try await OrganizationService(database: db).create(
                name: "潍柴动力 \(tag)", kind: .largeEnterprise, as: .system)
            let cohort = try await OrganizationService(database: db).addCohort(
                NewCohort(name: "数控2301班", size: 40), to: center.school.id, as: .system)
            let instructor = try await OrganizationService(database: db).addInstructor(
                NewInstructor(
                    organizationId: center.school.id, name: "王老师", postType: .fixed, weeklyHourCap: 20, skills: [],
                    availability: []),
                to: center.center.id, as: .system)
            let bookings = BookingService(database: db, now: TestClock.term)
            let lesson = try await bookings.book(
                center.booking(
                    [.init(resourceId: center.lathe.id)], from: 8, to: 10, instructorId: instructor.id,
                    cohortIds: [cohort.id]), in: center.center.id, as: .system)
            var pilot = center.booking(
                [.init(resourceId: center.workshop.id)], from: 13, to: 17, category: .pilotProduction, title: "新型缸体试制")
            pilot.organizationId = enterprise.id
            let run = try await bookings.book(pilot, in: center.center.id, as: .system)

            let timetables = TimetableService(database: db)
            let (from, to) = (CenterFixture.time(0), CenterFixture.time(0, day: 3))
            let page = try Page(limit: 100, offset: 0)
            let byInstructor = try await timetables.timetable(
                of: .instructor(instructor.id), from: from, to: to, page: page, as: .system)
            #expect(byInstructor.map(\.bookingId) == [lesson.id])
            #expect(byInstructor.first?.instructor?.name == "王老师")
            #expect(byInstructor.first?.resources.map(\.name) == ["数控车床"])
            #expect(byInstructor.first?.cohorts?.map(\.name) == ["数控2301班"])
            let byCohort = try await timetables.timetable(
                of: .cohort(cohort.id), from: from, to: to, page: page, as: .system)
            #expect(byCohort.map(\.bookingId) == [lesson.id])

            // the mill sits in the workshop the pilot run takes whole
            let mill = try await timetables.timetable(
                of: .resource(center.mill.id), from: from, to: to, page: page, as: .coordinator(of: center.school.id))
            #expect(mill.count == 1)
            #expect(mill.first?.occupied == true)
            #expect(mill.first?.title == nil && mill.first?.organization == nil && mill.first?.bookingId == nil)
            let school = try await timetables.timetable(
                of: .resource(center.workshop.id), from: from, to: to, page: page,
                as: .coordinator(of: center.school.id))
            #expect(school.map(\.occupied) == [false, true])
            let manager = try await timetables.timetable(
                of: .resource(center.workshop.id), from: from, to: to, page: page,
                as: .manager(of: center.center.id))
            #expect(manager.map(\.title) == ["数控实训", "新型缸体试制"])
            let own = try await timetables.timetable(
                of: .organization(enterprise.id), from: from, to: to, page: page,
                as: .coordinator(of: enterprise.id, school: false))
            #expect(own.map(\.bookingId) == [run.id])
            #expect(own.first?.organization?.name == enterprise.name)

            let later = try await timetables.timetable(
                of: .instructor(instructor.id), from: CenterFixture.time(10), to: to, page: page, as: .system)
            #expect(later.isEmpty)
            await #expect(throws: ServiceError.notFound(entity: "cohort")) {
                try await timetables.timetable(of: .cohort(UUID()), from: from, to: to, page: page, as: .system)
            }
        }
    }
}
