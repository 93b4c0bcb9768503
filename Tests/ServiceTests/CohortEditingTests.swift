import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Editing classes: free times, weeks, travel")
struct CohortEditingTests {
    static let tuesdayMornings = ClassAvailability(
        freeAnyTime: false, freeTimes: [.init(weekday: 2, from: "08:00", to: "11:30")],
        weeks: [.init(weekOf: "2026-06-29", note: "考试周")], travelMinutes: 30)

    /// The error a use case threw, as a ``DomainError`` of `.invalid`.
    static func invalid(_ body: () async throws -> Void) async -> DomainError? {
        do {
            try await body()
        } catch ServiceError.invalid(let error) {
            return error
        } catch {
            Issue.record("expected invalid, got \(error)")
        }
        return nil
    }

    @Test("a coordinator changes the school's class at the version read; the change is audited and bumps the version")
    func change() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let service = OrganizationService(database: db)
            let coordinator = try await RequestLifeCycleTests.coordinator(
                of: fixture.school.id, role: .schoolCoordinator, in: db)
            let created = try await service.addCohort(
                NewCohort(name: "数控2301", size: 30), to: fixture.school.id, as: coordinator)
            #expect(created.availability == .anyTime)
            let changed = try await service.changeCohort(
                created.id, of: fixture.school.id, CohortChange(size: 32, availability: Self.tuesdayMornings),
                version: 1, as: coordinator)
            #expect(changed.version == 2 && changed.size == 32 && changed.name == "数控2301")
            #expect(changed.availability == Self.tuesdayMornings)
            #expect(try await service.cohort(created.id, of: fixture.school.id, as: coordinator) == changed)
            let audit = Array(
                try await db.query(
                    """
                    SELECT action, before->>'size' AS before, after->'availability'->>'travelMinutes' AS travel
                    FROM audit_log WHERE entity = 'cohort' AND entity_id = \(created.id.uuidString) ORDER BY id
                    """))
            #expect(try audit.map { try $0.decode("action", as: String.self) } == ["create", "update"])
            #expect(try audit[1].decode("before", as: String.self) == "30")
            #expect(try audit[1].decode("travel", as: String.self) == "30")
            await #expect(throws: ServiceError.staleVersion(current: 2)) {
                _ = try await service.changeCohort(
                    created.id, of: fixture.school.id, CohortChange(size: 10), version: 1, as: coordinator)
            }
            #expect(try await service.cohort(created.id, of: fixture.school.id, as: coordinator).size == 32)
        }
    }

    @Test("another school's coordinator is told the class does not exist; a manager reads it but may not change it")
    func access() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let service = OrganizationService(database: db)
            let created = try await service.addCohort(
                NewCohort(name: "焊接2302", size: 25), to: fixture.school.id, as: .system)
            let other = try await service.create(
                name: "另一所中职 \(UUID().uuidString.prefix(6))", kind: .secondaryVocationalSchool, as: .system)
            let stranger = Principal.coordinator(of: other.id)
            await #expect(throws: ServiceError.notFound(entity: "cohort")) {
                _ = try await service.cohort(created.id, of: fixture.school.id, as: stranger)
            }
            await #expect(throws: ServiceError.notFound(entity: "cohort")) {
                _ = try await service.changeCohort(
                    created.id, of: fixture.school.id, CohortChange(size: 1), version: 1, as: stranger)
            }
            // the class named under the stranger's own school is not there either
            await #expect(throws: ServiceError.notFound(entity: "cohort")) {
                _ = try await service.changeCohort(
                    created.id, of: other.id, CohortChange(size: 1), version: 1, as: Principal.coordinator(of: other.id)
                )
            }
            let manager = Principal.manager(of: fixture.center.id)
            #expect(try await service.cohort(created.id, of: fixture.school.id, as: manager).name == "焊接2302")
            await #expect(throws: ServiceError.self) {
                _ = try await service.changeCohort(
                    created.id, of: fixture.school.id, CohortChange(size: 1), version: 1, as: manager)
            }
            #expect(try await service.cohort(created.id, of: fixture.school.id, as: .system).version == 1)
        }
    }

    @Test(
        "bad free times, weeks, travel and sizes are refused naming field and rule, and nothing is written",
        arguments: [
            (CohortChange(size: 0), "size", "range"),
            (CohortChange(availability: .init(travelMinutes: 241)), "availability/travelMinutes", "range"),
            (CohortChange(availability: .init(travelMinutes: -1)), "availability/travelMinutes", "range"),
            (
                CohortChange(
                    availability: .init(freeAnyTime: false, freeTimes: [.init(weekday: 2, from: "11:00", to: "08:00")])),
                "availability/freeTimes/0/to", "afterFrom"
            ),
            (
                CohortChange(
                    availability: .init(
                        freeAnyTime: false,
                        freeTimes: [
                            .init(weekday: 2, from: "08:00", to: "11:00"),
                            .init(weekday: 2, from: "10:00", to: "12:00"),
                        ])),
                "availability/freeTimes/1", "overlap"
            ),
            (
                CohortChange(
                    availability: .init(freeAnyTime: false, freeTimes: [.init(weekday: 8, from: "08:00", to: "11:00")])),
                "availability/freeTimes/0/weekday", "range"
            ),
            (
                CohortChange(availability: .init(weeks: [.init(weekOf: "2026-06-30")])), "availability/weeks/0/weekOf",
                "monday"
            ),
            (
                CohortChange(availability: .init(weeks: [.init(weekOf: "2026-06-29"), .init(weekOf: "2026-06-29")])),
                "availability/weeks/1/weekOf", "unique"
            ),
            (
                CohortChange(
                    availability: .init(freeAnyTime: true, freeTimes: [.init(weekday: 2, from: "08:00", to: "11:00")])),
                "availability/freeTimes", "freeAnyTime"
            ),
            (
                CohortChange(availability: .init(weeks: [.init(weekOf: "2026-06-29", note: "考试\u{0}周")])),
                "availability/weeks/0/note", "characters"
            ),
        ] as [(CohortChange, String, String)])
    func refusals(change: CohortChange, field: String, rule: String) async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let service = OrganizationService(database: db)
            let created = try await service.addCohort(
                NewCohort(name: "机电2303", size: 40), to: fixture.school.id, as: .system)
            let error = await Self.invalid {
                _ = try await service.changeCohort(created.id, of: fixture.school.id, change, version: 1, as: .system)
            }
            #expect(error?.field == field && error?.rule == rule)
            #expect(try await service.cohort(created.id, of: fixture.school.id, as: .system) == created)
        }
    }

    @Test(
        "a free time that meets no opening hour of the centers where the school works is refused; a partial one is kept"
    )
    func openingHours() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let service = OrganizationService(database: db)
            let created = try await service.addCohort(
                NewCohort(name: "汽修2304", size: 35), to: fixture.school.id, as: .system)
            let evening = CohortChange(
                availability: .init(freeAnyTime: false, freeTimes: [.init(weekday: 2, from: "19:00", to: "21:00")]))
            // the school works nowhere yet: its timetable is its own fact
            let kept = try await service.changeCohort(
                created.id, of: fixture.school.id, evening, version: 1, as: .system)
            _ = try await CalendarService(database: db).setOpeningHours(
                (1...5).map { OpeningHours(weekday: $0, opens: "08:00", closes: "18:00") }, of: fixture.center.id,
                as: .system)
            _ = try await BookingService(database: db, now: TestClock.term).book(
                fixture.booking([.init(resourceId: fixture.lathe.id)], from: 8, to: 10), in: fixture.center.id,
                as: .system)
            let error = await Self.invalid {
                _ = try await service.changeCohort(created.id, of: fixture.school.id, evening, version: 2, as: .system)
            }
            #expect(error?.field == "availability/freeTimes/0" && error?.rule == "openingHours")
            let partly = CohortChange(
                availability: .init(freeAnyTime: false, freeTimes: [.init(weekday: 2, from: "16:00", to: "21:00")]))
            #expect(
                try await service.changeCohort(
                    created.id, of: fixture.school.id, partly, version: kept.version, as: .system
                )
                .version == 3)
        }
    }

    @Test("a direct booking naming a class outside its free times (travel included) is refused naming the class")
    func directBooking() async throws {
        try await TestDatabase.withPool { db in
            let fixture = try await CenterFixture(db)
            let service = OrganizationService(database: db)
            let cohort = try await service.addCohort(
                NewCohort(name: "数控2305", size: 20, availability: Self.tuesdayMornings), to: fixture.school.id,
                as: .system)
            let bookings = BookingService(database: db, now: TestClock.term)
            // Tuesday 2026-03-03: 08:00–10:00 leaves no time to travel there, 09:00–11:30 none to get
            // back, and the afternoon is not free
            for (from, to) in [((8, 0), (10, 0)), ((9, 0), (11, 30)), ((13, 0), (15, 0))] {
                var input = fixture.booking(
                    [.init(resourceId: fixture.lathe.id)], from: 8, to: 10, cohortIds: [cohort.id])
                (input.start, input.end) = (
                    CenterFixture.time(from.0, from.1, day: 3), CenterFixture.time(to.0, to.1, day: 3)
                )
                let error = await Self.invalid {
                    _ = try await bookings.book(input, in: fixture.center.id, as: .system)
                }
                #expect(error?.field == "cohortIds/0" && error?.rule == "classFreeTime")
                #expect(error?.message.contains("数控2305") == true)
            }
            var inside = fixture.booking([.init(resourceId: fixture.lathe.id)], from: 8, to: 10, cohortIds: [cohort.id])
            (inside.start, inside.end) = (CenterFixture.time(8, 30, day: 3), CenterFixture.time(11, 0, day: 3))
            #expect(try await bookings.book(inside, in: fixture.center.id, as: .system).cohortIds == [cohort.id])
        }
    }
}
