import Access
import Database
import Dates
import Domain
import Foundation
import Logging
import Service
import TestSupport
import Testing

@testable import Planning

@Suite("Planning in bell periods")
struct PeriodPlanTests {
    /// Periods 1–8 of a school day (a 20-minute big break after 2 and 6, lunch after 4); 2 on Saturdays.
    static let periods = PeriodSchedule(sets: [
        PeriodSet(
            weekdays: [1, 2, 3, 4, 5],
            periods: numbered([
                ("08:00", "08:45"), ("08:50", "09:35"), ("09:55", "10:40"), ("10:45", "11:30"), ("14:00", "14:45"),
                ("14:50", "15:35"), ("15:55", "16:40"), ("16:45", "17:30"),
            ])),
        PeriodSet(weekdays: [6], periods: numbered([("08:30", "09:15"), ("09:25", "10:10")])),
    ])

    static func numbered(_ times: [(String, String)]) -> [Period] {
        times.enumerated().map {
            Period(
                number: $0 + 1, label: "第\($0 + 1)节", start: ClockTime(text: $1.0)!, end: ClockTime(text: $1.1)!)
        }
    }

    @Test("sessions asked in periods start at a period's start, end at a period's end, never across lunch")
    func onPeriodBoundaries() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            _ = try await CalendarService(database: db).replacePeriods(
                Self.periods, of: center.center.id, version: 0, as: .system)
            let cohort = try await OrganizationService(database: db).addCohort(
                NewCohort(name: "机电2402班", size: 20), to: center.school.id, as: .system)
            let inPeriods = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: center.school.id, title: "PLC 按节",
                    details: .studentTraining(
                        .init(
                            cohortId: cohort.id, courseName: "PLC", sessionsPerWeek: 4, weeks: 2,
                            startDate: CalendarDate(iso: "2026-03-02")!, sessionMinutes: nil,
                            capability: "robot.industrial", studentsPerStation: 2, instructorSkills: [],
                            sessionPeriods: 2)),
                    submit: true),
                in: center.center.id, as: .system)
            let worker = PlanWorker(
                database: db,
                configuration: PlanWorkerConfiguration(workerId: "periods-\(UUID().uuidString.prefix(6))"),
                logger: Logger(label: "test.worker"))
            let plan = try await center.settle(try await center.queue(), with: worker)
            let result = try #require(plan.result)
            #expect(result.score.feasible)
            let placed = result.assignments.filter { $0.requestId == inPeriods.id }
            #expect(placed.count == 8)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = center.center.zone
            for assignment in placed {
                let (start, end) = (Self.local(assignment.start, calendar), Self.local(assignment.end, calendar))
                #expect(start.date == end.date)
                let weekday = CalendarDate(iso: start.date)!.isoWeekday
                let span = Self.periods.periodRange(weekday: weekday, minutes: start.minutes..<end.minutes)
                #expect(span?.count == 2, "\(assignment.start)–\(assignment.end) is not a block of two periods")
                #expect(span != 4...5, "a block of two periods does not straddle lunch")
            }
            // sessions in minutes still start on the center's 30-minute grid
            for assignment in result.assignments where assignment.requestId == center.training.id {
                #expect(Self.local(assignment.start, calendar).minutes % 30 == 0)
            }
            // published bookings keep the periods' times exactly
            _ = try await center.service.publish(plan.id, as: .system)
            let stored = try await BookingService(database: db).bookings(
                in: center.center.id, from: CenterFixtureTimes.monday,
                to: CenterFixtureTimes.monday.addingTimeInterval(14 * 86_400),
                status: .confirmed, page: try Page(limit: 200), as: .system)
            let times = Set(
                stored.compactMap(\.details).filter { $0.requestId == inPeriods.id }.map { [$0.start, $0.end] })
            #expect(times == Set(placed.map { [$0.start, $0.end] }))
        }
    }

    static func local(_ instant: Date, _ calendar: Calendar) -> (date: String, minutes: Int) {
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let date = CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!
        return ("\(date)", parts.hour! * 60 + parts.minute!)
    }
}

/// 2026-03-02T00:00:00+08:00, the Monday the planning center's horizon starts.
enum CenterFixtureTimes {
    static let monday = Date(timeIntervalSince1970: 1_772_380_800)
}
