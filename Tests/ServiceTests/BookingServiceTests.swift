import Access
import Database
import Dates
import Domain
import Foundation
import Repositories
import Service
import TestSupport
import Testing

@Suite("Direct booking, refereed by PostgreSQL")
struct BookingServiceTests {
    func clash<T>(_ body: () async throws -> T) async -> (String, [Booking])? {
        do {
            let result = try await body()
            Issue.record("expected a clash, got \(result)")
        } catch ServiceError.clash(let detail, let bookings) {
            return (detail, bookings.compactMap(\.details))
        } catch {
            Issue.record("expected a clash, got \(error)")
        }
        return nil
    }

    @Test("32 concurrent bookings of one machine and hour: exactly one wins, the others see it")
    func concurrentClash() async throws {
        try await TestDatabase.withPool(maxConnections: 8) { db in
            let center = try await CenterFixture(db)
            let service = BookingService(database: db, now: TestClock.term)
            let outcomes = await withTaskGroup(of: Result<Booking, any Error>.self) { group in
                for index in 0..<32 {
                    group.addTask {
                        do {
                            let input = center.booking(
                                [.init(resourceId: center.lathe.id)], from: 8, to: 10, title: "班级 \(index)")
                            return .success(try await service.book(input, in: center.center.id, as: .system))
                        } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            let winner = try #require(winners.first)
            for case .failure(let error) in outcomes {
                guard case ServiceError.clash(_, let bookings) = error else {
                    Issue.record("a loser failed with \(error), not a clash")
                    continue
                }
                #expect(bookings.map(\.details?.id) == [winner.id])
            }
            let all = try await service.bookings(
                in: center.center.id, from: CenterFixture.time(0), to: CenterFixture.time(23), status: .confirmed,
                page: try Page(), as: .system)
            #expect(all.map(\.details?.id) == [winner.id])
        }
    }

    @Test("16 concurrent bookings of a workshop and of its machine: one wins, the rest clash, none fails otherwise")
    func concurrentContainment() async throws {
        try await TestDatabase.withPool(maxConnections: 8) { db in
            let center = try await CenterFixture(db)
            let service = BookingService(database: db, now: TestClock.term)
            let outcomes = await withTaskGroup(of: String.self) { group in
                for index in 0..<16 {
                    group.addTask {
                        let resource = index.isMultiple(of: 2) ? center.workshop.id : center.lathe.id
                        do {
                            _ = try await service.book(
                                center.booking([.init(resourceId: resource)], from: 8, to: 10), in: center.center.id,
                                as: .system)
                            return "booked"
                        } catch ServiceError.clash {
                            return "clash"
                        } catch {
                            return "\(error)"
                        }
                    }
                }
                return await group.reduce(into: [String]()) { $0.append($1) }
            }
            #expect(outcomes.filter { $0 == "booked" }.count == 1)
            #expect(outcomes.filter { $0 == "clash" }.count == 15, "\(outcomes)")
        }
    }

    @Test("32 concurrent bookings that only clash through a changeover buffer: one wins, the rest see it")
    func concurrentChangeover() async throws {
        try await TestDatabase.withPool(maxConnections: 8) { db in
            let center = try await CenterFixture(db)
            try await center.changeover(.pilotProduction, .studentTraining, minutes: 120)
            let service = BookingService(database: db, now: TestClock.term)
            let line = [Booking.Use(resourceId: center.pilotLine.id)]
            let outcomes = await withTaskGroup(of: Result<Booking, any Error>.self) { group in
                for index in 0..<32 {
                    group.addTask {
                        // pilot runs 08–12, or training 13–14, inside the two hours of cleaning after a run
                        let input =
                            index.isMultiple(of: 2)
                            ? center.booking(line, from: 8, to: 12, category: .pilotProduction, title: "中试 \(index)")
                            : center.booking(line, from: 13, to: 14, title: "实训 \(index)")
                        do { return .success(try await service.book(input, in: center.center.id, as: .system)) } catch {
                            return .failure(error)
                        }
                    }
                }
                return await group.reduce(into: []) { $0.append($1) }
            }
            let winners = outcomes.compactMap { try? $0.get() }
            #expect(winners.count == 1)
            for case .failure(let error) in outcomes {
                guard case ServiceError.clash(_, let bookings) = error else {
                    Issue.record("a loser failed with \(error)")
                    continue
                }
                #expect(bookings.map(\.details?.id) == winners.map(\.id))
            }
        }
    }

    @Test("two machines of a workshop run together; the workshop cannot be booked over either")
    func containment() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let service = BookingService(database: db, now: TestClock.term)
            let lathe = try await service.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10), in: center.center.id, as: .system
            )
            _ = try await service.book(
                center.booking([.init(resourceId: center.mill.id)], from: 9, to: 11), in: center.center.id, as: .system)
            let refused = await clash {
                try await service.book(
                    center.booking([.init(resourceId: center.workshop.id)], from: 9, to: 10), in: center.center.id,
                    as: .system)
            }
            #expect(refused?.1.contains { $0.id == lathe.id } == true)
            let workshop = try await service.book(
                center.booking([.init(resourceId: center.workshop.id)], from: 11, to: 12), in: center.center.id,
                as: .system)
            _ = await clash {
                try await service.book(
                    center.booking([.init(resourceId: center.mill.id)], from: 11, to: 12), in: center.center.id,
                    as: .system)
            }
            let timetable = try await TimetableService(database: db).timetable(
                of: .resource(center.workshop.id), from: CenterFixture.time(0), to: CenterFixture.time(23),
                page: try Page(), as: .system)
            #expect(timetable.count == 3)
            #expect(timetable.last?.bookingId == workshop.id)
        }
    }

    @Test("cleaning after pilot production keeps student training out, not upskilling")
    func changeover() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            try await center.changeover(.pilotProduction, .studentTraining, minutes: 120)
            let service = BookingService(database: db, now: TestClock.term)
            let line = [Booking.Use(resourceId: center.pilotLine.id)]
            let pilot = try await service.book(
                center.booking(line, from: 8, to: 12, category: .pilotProduction, title: "中试"), in: center.center.id,
                as: .system)
            let refused = await clash {
                try await service.book(center.booking(line, from: 13, to: 14), in: center.center.id, as: .system)
            }
            #expect(refused?.1.first?.id == pilot.id)
            _ = try await service.book(
                center.booking(line, from: 12, to: 13, category: .employeeUpskilling), in: center.center.id, as: .system
            )
            _ = try await service.book(center.booking(line, from: 14, to: 15), in: center.center.id, as: .system)
            // the buffer also holds when the later booking exists first
            _ = try await service.book(center.booking(line, from: 17, to: 18), in: center.center.id, as: .system)
            _ = await clash {
                try await service.book(
                    center.booking(line, from: 15, to: 16, category: .pilotProduction), in: center.center.id,
                    as: .system)
            }
        }
    }

    @Test("a workstation pool is shared by station count, never beyond it")
    func poolStations() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let service = BookingService(database: db, now: TestClock.term)
            _ = try await service.book(
                center.booking([.init(resourceId: center.pool.id, stations: 3)], from: 8, to: 10), in: center.center.id,
                as: .system)
            _ = await clash {
                try await service.book(
                    center.booking([.init(resourceId: center.pool.id, stations: 2)], from: 9, to: 10),
                    in: center.center.id, as: .system)
            }
            _ = try await service.book(
                center.booking([.init(resourceId: center.pool.id, stations: 1)], from: 9, to: 10), in: center.center.id,
                as: .system)
            _ = await clash {
                try await service.book(
                    center.booking([.init(resourceId: center.pool.id)], from: 9, to: 11), in: center.center.id,
                    as: .system)
            }
        }
    }

    @Test("an instructor, a cohort and a machine under maintenance are each in one place")
    func peopleAndMaintenance() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let service = BookingService(database: db, now: TestClock.term)
            let instructor: UUID = try await db.query(
                """
                INSERT INTO instructors (center_id, organization_id, name, post_type, weekly_hour_cap)
                VALUES (\(center.center.id), \(center.school.id), '王老师', 'fixed', 20) RETURNING id
                """
            ).first!.decode("id")
            let cohort: UUID = try await db.query(
                "INSERT INTO cohorts (organization_id, name, size) VALUES (\(center.school.id), '数控2301班', 40) RETURNING id"
            ).first!.decode("id")
            let first = try await service.book(
                center.booking(
                    [.init(resourceId: center.lathe.id)], from: 8, to: 10, instructorId: instructor, cohortIds: [cohort]
                ), in: center.center.id, as: .system)
            let busyTeacher = await clash {
                try await service.book(
                    center.booking([.init(resourceId: center.mill.id)], from: 9, to: 11, instructorId: instructor),
                    in: center.center.id, as: .system)
            }
            #expect(busyTeacher?.0.contains("instructor") == true)
            let busyClass = await clash {
                try await service.book(
                    center.booking([.init(resourceId: center.pilotLine.id)], from: 9, to: 11, cohortIds: [cohort]),
                    in: center.center.id, as: .system)
            }
            #expect(busyClass?.0.contains("cohort") == true)
            #expect(busyClass?.1.map(\.id) == [first.id])
            try await db.query(
                "INSERT INTO maintenance_windows (resource_id, during) VALUES (\(center.mill.id), tstzrange(\(CenterFixture.time(12)), \(CenterFixture.time(14))))"
            )
            let maintenance = await clash {
                try await service.book(
                    center.booking([.init(resourceId: center.mill.id)], from: 13, to: 15), in: center.center.id,
                    as: .system)
            }
            #expect(maintenance?.0.contains("maintenance") == true)
        }
    }

    @Test(
        "bad bookings name the field and the rule",
        arguments: [
            ("end", "afterStart"), ("start", "slotGrid"), ("resources/0/resourceId", "exists"),
            ("resources/0/stations", "poolOnly"), ("resources/0/stations", "range"),
            ("resources/1/resourceId", "unique"),
            ("organizationId", "exists"), ("instructorId", "exists"),
        ])
    func invalid(_ field: String, _ rule: String) async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            var input = center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10)
            switch (field, rule) {
            case ("end", _): input.end = input.start
            case ("start", _): input.start = input.start.addingTimeInterval(600)
            case (_, "exists") where field.hasPrefix("resources"): input.resources = [.init(resourceId: UUID())]
            case (_, "poolOnly"): input.resources = [.init(resourceId: center.lathe.id, stations: 2)]
            case (_, "range"): input.resources = [.init(resourceId: center.pool.id, stations: 5)]
            case (_, "unique"):
                input.resources = [.init(resourceId: center.lathe.id), .init(resourceId: center.lathe.id)]
            case ("instructorId", _):
                // an instructor of another center
                let other = try await CenterFixture(db)
                input.instructorId = try await OrganizationService(database: db).addInstructor(
                    NewInstructor(
                        organizationId: other.school.id, name: "李老师", postType: .fixed, weeklyHourCap: 10, skills: [],
                        availability: []),
                    to: other.center.id, as: .system
                ).id
            default: input.organizationId = UUID()
            }
            let error = await #expect(throws: ServiceError.self) {
                try await BookingService(database: db, now: TestClock.term).book(
                    input, in: center.center.id, as: .system)
            }
            guard case .invalid(let problem) = error else {
                Issue.record("expected invalid, got \(String(describing: error))")
                return
            }
            #expect(problem.field == field)
            #expect(problem.rule == rule)
        }
    }

    @Test("cancelling needs the current version and frees the time")
    func cancel() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let service = BookingService(database: db, now: TestClock.term)
            let input = center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10)
            let booking = try await service.book(input, in: center.center.id, as: .system)
            let stale = await #expect(throws: ServiceError.self) {
                try await service.cancel(booking.id, version: booking.version + 1, as: .system)
            }
            #expect(stale == .staleVersion(current: booking.version))
            let cancelled = try await service.cancel(booking.id, version: booking.version, as: .system)
            #expect(cancelled.status == .cancelled)
            #expect(cancelled.version == booking.version + 1)
            await #expect(throws: ServiceError.self) {
                try await service.cancel(booking.id, version: cancelled.version, as: .system)
            }
            _ = try await service.book(input, in: center.center.id, as: .system)
            await #expect(throws: ServiceError.self) { try await service.cancel(UUID(), version: 1, as: .system) }
        }
    }

    @Test("a resource with bookings ahead cannot retire; once they are cancelled it can, and is then unbookable")
    func retire() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let service = BookingService(database: db, now: TestClock.term)
            let centers = CenterService(database: db)
            let ahead = try await service.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10), in: center.center.id, as: .system
            )
            let asOf = CenterFixture.time(7)
            let refused = await clash {
                try await centers.change(
                    resource: center.workshop.id, ResourceChange(status: .retired), version: 1, now: asOf, as: .system)
            }
            #expect(refused?.1.map(\.id) == [ahead.id])
            _ = try await service.cancel(ahead.id, version: ahead.version, as: .system)
            let retired = try await centers.change(
                resource: center.workshop.id, ResourceChange(status: .retired), version: 1, now: asOf, as: .system)
            #expect(retired.status == .retired)
            #expect(retired.version == 2)
            let stale = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    resource: center.workshop.id, ResourceChange(status: .active), version: 1, as: .system)
            }
            #expect(stale == .staleVersion(current: 2))
            let unbookable = await #expect(throws: ServiceError.self) {
                try await service.book(
                    center.booking([.init(resourceId: center.workshop.id)], from: 8, to: 10), in: center.center.id,
                    as: .system)
            }
            guard case .invalid(let problem) = unbookable else {
                Issue.record("expected invalid")
                return
            }
            #expect(problem.rule == "active")
        }
    }

    @Test("insert_booking checks retirement and cohorts again under its locks, and a refusal leaves nothing behind")
    func checkedUnderLocks() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let cohort: UUID = try await db.query(
                "INSERT INTO cohorts (organization_id, name, size) VALUES (\(center.school.id), '焊接2302班', 30) RETURNING id"
            ).first!.decode("id")
            let bookings = BookingRepository()
            // what the service checks before writing is skipped here: the statement itself must refuse
            let held = BookingRepository.confirmed(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10, cohortIds: [cohort]),
                title: "数控实训", centerId: center.center.id)
            try await db.withConnection { try $0.run(bookings.insertion(of: held)) }
            let sameClass = BookingRepository.confirmed(
                center.booking([.init(resourceId: center.mill.id)], from: 9, to: 11, cohortIds: [cohort]), title: "铣削",
                centerId: center.center.id)
            let busy = await #expect(throws: DatabaseError.self) {
                try await db.withConnection { try $0.run(bookings.insertion(of: sameClass)) }
            }
            #expect(busy?.sqlState == .cohortBooked)
            try await db.query("UPDATE resources SET status = 'retired' WHERE id = \(center.mill.id)")
            let onRetired = BookingRepository.confirmed(
                center.booking([.init(resourceId: center.mill.id)], from: 12, to: 13), title: "铣削",
                centerId: center.center.id)
            let retired = await #expect(throws: DatabaseError.self) {
                try await db.withConnection { try $0.run(bookings.insertion(of: onRetired)) }
            }
            #expect(retired?.sqlState == .resourceRetired)
            #expect(retired?.message.contains(center.mill.name) == true)
            let stored: Int = try await db.query(
                "SELECT count(*)::int4 AS n FROM bookings WHERE id IN (\(sameClass.id), \(onRetired.id))"
            ).first!.decode("n")
            let blocks: Int = try await db.query(
                "SELECT count(*)::int4 AS n FROM booking_blocks WHERE resource_id = \(center.mill.id)"
            ).first!.decode("n")
            #expect(stored == 0 && blocks == 0)
        }
    }

    @Test("a booking's cohorts must be its organization's: another school's class or an unknown id is 422 naming it")
    func foreignCohort() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let organizations = OrganizationService(database: db)
            let own = try await organizations.addCohort(
                NewCohort(name: "数控2303班", size: 30), to: center.school.id, as: .system)
            let otherSchool = try await organizations.create(
                name: "另一所职业学院 \(UUID().uuidString.prefix(6))", kind: .secondaryVocationalSchool, as: .system)
            let foreign = try await organizations.addCohort(
                NewCohort(name: "焊接2301班", size: 25), to: otherSchool.id, as: .system)
            let service = BookingService(database: db, now: TestClock.term)
            for (cohorts, field) in [([own.id, foreign.id], "cohortIds/1"), ([UUID()], "cohortIds/0")] {
                let refused = await #expect(throws: ServiceError.self) {
                    try await service.book(
                        center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10, cohortIds: cohorts),
                        in: center.center.id, as: .system)
                }
                guard case .invalid(let problem) = refused else {
                    Issue.record("expected invalid, got \(String(describing: refused))")
                    continue
                }
                #expect(problem.field == field && problem.rule == "exists")
            }
            let booked = try await service.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10, cohortIds: [own.id]),
                in: center.center.id, as: .system)
            #expect(booked.cohortIds == [own.id])
        }
    }

    @Test("a direct booking keeps to the opening hours and closed days of the center")
    func calendar() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let calendar = CalendarService(database: db)
            _ = try await calendar.setOpeningHours(
                [OpeningHours(weekday: 1, opens: "08:00", closes: "12:00")], of: center.center.id, as: .system)
            _ = try await calendar.addClosure(
                Closure(from: "2026-03-09", to: "2026-03-09", reason: "设备年检"), to: center.center.id, as: .system)
            let service = BookingService(database: db, now: TestClock.term)
            let line = [Booking.Use(resourceId: center.lathe.id)]
            _ = try await service.book(center.booking(line, from: 8, to: 12), in: center.center.id, as: .system)
            for (input, rule) in [
                (center.booking(line, from: 11, to: 13), "openingHours"),
                (center.booking(line, from: 8, to: 10).shifted(days: 1), "openingHours"),  // Tuesday: not open
                (center.booking(line, from: 8, to: 10).shifted(days: 7), "centerClosed"),
            ] {
                let error = await #expect(throws: ServiceError.self) {
                    try await service.book(input, in: center.center.id, as: .system)
                }
                guard case .invalid(let problem) = error else {
                    Issue.record("expected invalid, got \(String(describing: error))")
                    continue
                }
                #expect(problem.rule == rule)
            }
            // a pilot run takes whole days, also when the center is not open for classes
            var pilot = center.booking(
                [.init(resourceId: center.pilotLine.id)], from: 0, to: 0, category: .pilotProduction, title: "中试")
            (pilot.start, pilot.end) = (CenterFixture.time(0, day: 3), CenterFixture.time(0, day: 6))
            _ = try await service.book(pilot, in: center.center.id, as: .system)
        }
    }

    @Test("a booking may serve a live request of the same organization and category only")
    func servesRequest() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let cohort = try await OrganizationService(database: db).addCohort(
                NewCohort(name: "机电2401班", size: 30), to: center.school.id, as: .system)
            let requests = RequestService(database: db)
            let details = StudentTrainingDetails(
                cohortId: cohort.id, courseName: "数控车削", sessionsPerWeek: 1, weeks: 8,
                startDate: CalendarDate(iso: "2026-03-02")!,
                sessionMinutes: 120,
                capability: "cnc.lathe", studentsPerStation: 2, instructorSkills: [])
            let draft = try await requests.create(
                NewRequest(organizationId: center.school.id, title: "数控车削实训", details: .studentTraining(details)),
                in: center.center.id, as: .system)
            let service = BookingService(database: db, now: TestClock.term)
            var input = center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10)
            input.requestId = draft.id
            let notLive = await #expect(throws: ServiceError.self) {
                try await service.book(input, in: center.center.id, as: .system)
            }
            #expect(
                notLive
                    == .invalid(
                        DomainError(
                            field: "requestId", rule: "liveRequest",
                            message:
                                "The request is draft; only a submitted, (partly) planned or confirmed request is booked."
                        ))
            )
            _ = try await requests.move(draft.id, to: .submitted, reason: nil, version: draft.version, as: .system)
            input.category = .employeeUpskilling
            let wrongCategory = await #expect(throws: ServiceError.self) {
                try await service.book(input, in: center.center.id, as: .system)
            }
            guard case .invalid(let problem) = wrongCategory else {
                Issue.record("expected invalid")
                return
            }
            #expect(problem.rule == "matchingRequest")
            input.category = .studentTraining
            let booking = try await service.book(input, in: center.center.id, as: .system)
            #expect(booking.requestId == draft.id)
        }
    }
}

extension NewBooking {
    /// The same booking `days` days later.
    func shifted(days: Int) -> NewBooking {
        var moved = self
        (moved.start, moved.end) = (
            start.addingTimeInterval(Double(days) * 86_400), end.addingTimeInterval(Double(days) * 86_400)
        )
        return moved
    }
}
