import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// A person's direct booking keeps the planner's rules for the request it serves and who teaches
/// it: capability, instructor skills and certificates, availability, weekly cap.
@Suite("Direct booking: the planner's rules for requests and instructors")
struct BookingTeachingTests {
    /// A fixture center, its manager, a submitted lathe request needing skill `cnc.lathe`, and an
    /// instructor available Mondays 08:00–12:00 and 12:00–17:00 with a 4-hour weekly cap whose lathe
    /// certificate lapses on 2026-03-05.
    struct Setting {
        let center: CenterFixture
        let manager: Principal
        let requestId: UUID
        let instructorId: UUID
        let service: BookingService

        init(_ db: Database) async throws {
            center = try await CenterFixture(db)
            manager = try await center.manager()
            let organizations = OrganizationService(database: db)
            let cohort = try await organizations.addCohort(
                NewCohort(name: "数控2402班", size: 2), to: center.school.id, as: .system)
            let requests = RequestService(database: db)
            let details = StudentTrainingDetails(
                cohortId: cohort.id, courseName: "数控车削", sessionsPerWeek: 1, weeks: 8,
                startDate: CalendarDate(iso: "2026-03-02")!, sessionMinutes: 120, capability: "cnc.lathe",
                studentsPerStation: 2, instructorSkills: ["cnc.lathe"])
            let draft = try await requests.create(
                NewRequest(organizationId: center.school.id, title: "数控车削实训", details: .studentTraining(details)),
                in: center.center.id, as: .system)
            _ = try await requests.move(draft.id, to: .submitted, reason: nil, version: draft.version, as: .system)
            requestId = draft.id
            instructorId = try await organizations.addInstructor(
                NewInstructor(
                    organizationId: center.school.id, name: "王老师", postType: .fixed, weeklyHourCap: 4,
                    skills: [.init(skill: "cnc.lathe", expiresOn: CalendarDate(iso: "2026-03-05"))],
                    availability: [
                        .init(weekday: 1, from: ClockTime(text: "08:00")!, to: ClockTime(text: "12:00")!),
                        .init(weekday: 1, from: ClockTime(text: "12:00")!, to: ClockTime(text: "17:00")!),
                        .init(weekday: 5, from: ClockTime(text: "08:00")!, to: ClockTime(text: "17:00")!),
                    ]),
                to: center.center.id, as: .system
            ).id
            service = BookingService(database: db, now: TestClock.term)
        }

        /// The request's booking on `resource` from `from` to `to` o'clock on March `day`, taught by the instructor.
        func booking(_ resource: Resource, _ from: Int, _ to: Int, day: Int = 2) -> NewBooking {
            var input = center.booking([.init(resourceId: resource.id)], from: from, to: to)
            (input.start, input.end) = (CenterFixture.time(from, day: day), CenterFixture.time(to, day: day))
            input.requestId = requestId
            input.instructorId = instructorId
            return input
        }

        /// The rule a manager's booking is refused by, or `nil` when it is booked.
        func refusal(_ input: NewBooking) async -> String? {
            do {
                _ = try await service.book(input, in: center.center.id, as: manager)
                return nil
            } catch ServiceError.invalid(let error) {
                return "\(error.field) \(error.rule)"
            } catch {
                return "\(error)"
            }
        }
    }

    @Test(
        "a booking of the request on a resource without its capability is refused; its workshop holding a lathe is not")
    func capability() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            #expect(await setting.refusal(setting.booking(setting.center.mill, 8, 10)) == "resources capability")
            #expect(await setting.refusal(setting.booking(setting.center.workshop, 8, 10)) == nil)
        }
    }

    @Test("the instructor must be available: across two touching windows yes, outside them no")
    func availability() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            #expect(
                await setting.refusal(setting.booking(setting.center.lathe, 17, 19))
                    == "instructorId instructorAvailability")
            #expect(await setting.refusal(setting.booking(setting.center.lathe, 11, 13)) == nil)
        }
    }

    @Test("the instructor's certificate must be valid on the booking's day")
    func certificate() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            // Friday 2026-03-06, the day after the certificate lapsed
            #expect(
                await setting.refusal(setting.booking(setting.center.lathe, 8, 10, day: 6))
                    == "instructorId instructorSkills")
        }
    }

    @Test("the instructor's weekly cap holds: 4 h a week, a move does not count itself")
    func weeklyCap() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            #expect(await setting.refusal(setting.booking(setting.center.lathe, 8, 11)) == nil)
            #expect(await setting.refusal(setting.booking(setting.center.lathe, 13, 15)) == "instructorId weeklyCap")
            let booked = try #require(
                try await setting.service.bookings(
                    in: setting.center.center.id, from: CenterFixture.time(0), to: CenterFixture.time(23),
                    status: .confirmed, page: try Page(), as: .system
                ).first?.details)
            // moved an hour later, still 3 h that week
            _ = try await setting.service.move(
                booked.id,
                BookingChange(start: CenterFixture.time(9), end: CenterFixture.time(12), reason: "later"),
                version: booked.version, as: setting.manager)
            #expect(await setting.refusal(setting.booking(setting.center.lathe, 13, 14)) == nil)
        }
    }

    @Test("the system records what happened and is not held to these rules")
    func system() async throws {
        try await TestDatabase.withPool { db in
            let setting = try await Setting(db)
            _ = try await setting.service.book(
                setting.booking(setting.center.mill, 17, 19), in: setting.center.center.id, as: .system)
        }
    }
}
