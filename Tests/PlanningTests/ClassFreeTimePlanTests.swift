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

@Suite("Planner runs keep classes inside their free times")
struct ClassFreeTimePlanTests {
    /// Gives the training request's class of `center` these free times.
    static func restrict(_ center: PlanningCenter, _ availability: ClassAvailability) async throws -> Cohort {
        guard case .studentTraining(let details) = center.training.details else { throw CancellationError() }
        return try await OrganizationService(database: center.db).changeCohort(
            details.cohortId, of: center.school.id, CohortChange(availability: availability), version: 1, as: .system)
    }

    /// The local date and minutes of an instant at the center (Asia/Shanghai).
    static func local(_ instant: Date) -> (date: CalendarDate, minutes: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return (
            CalendarDate(year: parts.year!, month: parts.month!, day: parts.day!)!, parts.hour! * 60 + parts.minute!
        )
    }

    @Test("every session of the class lies inside its free times, travel and a listed week included")
    func placedInside() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            let cohort = try await Self.restrict(
                center,
                ClassAvailability(
                    freeAnyTime: false,
                    freeTimes: [
                        .init(weekday: 2, from: "08:00", to: "11:30"), .init(weekday: 4, from: "13:30", to: "17:00"),
                    ],
                    weeks: [
                        .init(
                            weekOf: "2026-03-09", note: "企业周",
                            freeTimes: [.init(weekday: 3, from: "14:00", to: "17:30")])
                    ],
                    travelMinutes: 30))
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "classes"))
            let result = try #require(plan.result)
            let training = result.assignments.filter { $0.requestId == center.training.id }
            #expect(training.count == 2, "both weeks fit inside the free times: \(result.unplaced)")
            for assignment in training {
                let (start, end) = (Self.local(assignment.start), Self.local(assignment.end))
                #expect(start.date == end.date)
                let weekday = start.date.isoWeekday
                #expect(
                    cohort.availability.allows(start.minutes..<end.minutes, on: start.date, weekday: weekday),
                    "\(start.date) \(start.minutes) is outside the class's free times")
                #expect(weekday == (start.date.monday == "2026-03-09" ? 3 : start.minutes < 720 ? 2 : 4))
            }
        }
    }

    @Test("a class with no free time for the session is left unplaced, and the reason says why")
    func unplacedWithReason() async throws {
        try await TestDatabase.withPool(maxConnections: 2) { db in
            let center = try await PlanningCenter(db)
            _ = try await Self.restrict(
                center,
                ClassAvailability(
                    freeAnyTime: false, freeTimes: [.init(weekday: 2, from: "08:00", to: "10:30")],
                    weeks: [.init(weekOf: "2026-03-09", note: "考试周")], travelMinutes: 30))
            let plan = try await center.settle(try await center.queue(), with: PlanRunTests.worker(db, "classes"))
            let result = try #require(plan.result)
            #expect(!result.assignments.contains { $0.requestId == center.training.id })
            let unplaced = result.unplaced.filter { $0.requestId == center.training.id }.sorted {
                $0.session < $1.session
            }
            let reasons = unplaced.map { $0.reasons.map(\.en) }
            #expect(
                reasons == [
                    [
                        "class 机器人2401班 is free on Tue 08:00–10:30 only; with 30 minutes' travel each way no open 120 minutes remain in the week of 2026-03-02"
                    ],
                    ["class 机器人2401班 is not free in the week of 2026-03-09 (考试周)"],
                ])
            #expect(
                unplaced.first?.reasons.first?.zh
                    == "班级机器人2401班仅周二08:00–10:30有空；计入单程30分钟路程后，在2026-03-02当周没有连续120分钟的空闲时间")
        }
    }
}
