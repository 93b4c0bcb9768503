import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("A center's bell periods (节次)")
struct PeriodServiceTests {
    @Test("read before any write, replaced at its version and read back by weekday set, stale writes refused")
    func lifecycle() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let calendar = CalendarService(database: db)
            #expect(try await calendar.periods(of: center.center.id, as: .system) == PeriodSchedule(version: 0))
            var wanted = PeriodFixture.schedule
            wanted.sets[0].periods.reverse()  // any order in, earliest first out
            let stored = try await calendar.replacePeriods(wanted, of: center.center.id, version: 0, as: .system)
            #expect(stored.version == 1)
            #expect(stored.sets == PeriodFixture.schedule.sets)
            #expect(try await calendar.periods(of: center.center.id, as: .system) == stored)
            await #expect(throws: ServiceError.staleVersion(current: 1)) {
                try await calendar.replacePeriods(PeriodSchedule(), of: center.center.id, version: 0, as: .system)
            }
            let cleared = try await calendar.replacePeriods(
                PeriodSchedule(), of: center.center.id, version: 1, as: .system)
            #expect(cleared == PeriodSchedule(version: 2))
            let outsider = Principal.coordinator(of: center.school.id)
            await #expect(throws: ServiceError.self) {
                try await calendar.replacePeriods(wanted, of: center.center.id, version: 2, as: outsider)
            }
        }
    }

    @Test(
        "bad periods are refused with 422 naming the field and rule, and nothing is written",
        arguments: [
            ("overlap", "sets/0/periods/1", "overlap"), ("endBeforeStart", "sets/0/periods/0/end", "afterStart"),
            ("outsideOpeningHours", "sets/0/periods/2", "openingHours"),
            ("duplicateNumber", "sets/0/periods/1/number", "unique"), ("weekdayTwice", "sets/1/weekdays/0", "unique"),
            ("numbersOutOfOrder", "sets/0/periods/1/number", "order"),
            ("noLabel", "sets/0/periods/0/label", "required"),
        ])
    func refused(_ kind: String, field: String, rule: String) async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let calendar = CalendarService(database: db)
            _ = try await calendar.setOpeningHours(
                (1...6).map {
                    OpeningHours(weekday: $0, opens: ClockTime(text: "08:00")!, closes: ClockTime(text: "21:00")!)
                },
                of: center.center.id, as: .system)
            var set = PeriodSet(weekdays: [1, 2, 3, 4, 5], periods: PeriodFixture.periods(PeriodFixture.weekday))
            switch kind {
            case "overlap": set.periods[1].start = ClockTime(text: "08:40")!
            case "endBeforeStart": set.periods[0].end = ClockTime(text: "07:45")!
            case "outsideOpeningHours":
                set.periods = Array(set.periods.prefix(3))
                (set.periods[2].start, set.periods[2].end) = (ClockTime(text: "20:30")!, ClockTime(text: "21:15")!)
            case "duplicateNumber": set.periods[1].number = 1
            case "numbersOutOfOrder": set.periods[0].number = 12
            case "noLabel": set.periods[0].label = "  "
            default: break
            }
            let sets = kind == "weekdayTwice" ? [set, PeriodSet(weekdays: [5], periods: set.periods)] : [set]
            let error = await #expect(throws: ServiceError.self) {
                try await calendar.replacePeriods(
                    PeriodSchedule(sets: sets), of: center.center.id, version: 0, as: .system)
            }
            guard case .invalid(let problem) = error else {
                Issue.record("expected invalid, got \(String(describing: error))")
                return
            }
            #expect(problem.field == field)
            #expect(problem.rule == rule)
            #expect(try await calendar.periods(of: center.center.id, as: .system) == PeriodSchedule(version: 0))
        }
    }

    @Test("a booking by date and periods is stored at the periods' times and its timetable entry names them")
    func bookingInPeriods() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            _ = try await CalendarService(database: db).replacePeriods(
                PeriodFixture.schedule, of: center.center.id, version: 0, as: .system)
            var input = center.booking([.init(resourceId: center.lathe.id)], from: 0, to: 0)
            input.start = NewBooking.periodsPending
            input.end = NewBooking.periodsPending
            input.periods = BookedPeriods(date: CalendarDate(iso: "2026-03-03")!, fromPeriod: 3, toPeriod: 4)
            let bookings = BookingService(database: db)
            let booking = try await bookings.book(input, in: center.center.id, as: .system)
            #expect(booking.start == CenterFixture.time(9, 55, day: 3))
            #expect(booking.end == CenterFixture.time(11, 30, day: 3))

            // times on period boundaries are on the grid too, though not on the 30-minute one
            let byTimes = NewBooking(
                organizationId: center.school.id, category: .studentTraining, title: "第2节",
                start: CenterFixture.time(8, 50, day: 3), end: CenterFixture.time(9, 35, day: 3),
                resources: [.init(resourceId: center.mill.id)])
            let second = try await bookings.book(byTimes, in: center.center.id, as: .system)

            let entries = try await TimetableService(database: db).timetable(
                of: .resource(center.workshop.id), from: CenterFixture.time(0, day: 3),
                to: CenterFixture.time(0, day: 4), page: try Page(), as: .system)
            #expect(entries.map(\.bookingId) == [second.id, booking.id])
            #expect(entries.map(\.periods) == [PeriodSpan(from: 2, to: 2), PeriodSpan(from: 3, to: 4)])
        }
    }

    @Test(
        "periods that do not exist that day are refused with 422 naming the field",
        arguments: [
            ("2026-03-03", 3, 11, "toPeriod"), ("2026-03-07", 3, 3, "fromPeriod"), ("2026-03-03", 4, 3, "toPeriod"),
            ("2026-03-08", 1, 1, "fromPeriod"),
        ])
    func missingPeriods(_ date: String, from: Int, to: Int, field: String) async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            _ = try await CalendarService(database: db).replacePeriods(
                PeriodFixture.schedule, of: center.center.id, version: 0, as: .system)
            var input = center.booking([.init(resourceId: center.lathe.id)], from: 0, to: 0)
            (input.start, input.end) = (NewBooking.periodsPending, NewBooking.periodsPending)
            input.periods = BookedPeriods(date: CalendarDate(iso: date)!, fromPeriod: from, toPeriod: to)
            let error = await #expect(throws: ServiceError.self) {
                try await BookingService(database: db).book(input, in: center.center.id, as: .system)
            }
            guard case .invalid(let problem) = error else {
                Issue.record("expected invalid, got \(String(describing: error))")
                return
            }
            #expect(problem.field == field)
            #expect(problem.rule == "periods")
        }
    }
}
