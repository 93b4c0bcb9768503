import Allocator
import Dates
import Domain
import Foundation
import TestSupport
import Testing

@testable import Planning

/// The class of ``ProblemBuilderTests/snapshot(bookings:maintenance:)`` (two weeks from Monday
/// 2026-03-02, open Mon–Sat 08:00–12:00, 60-minute slots, Monday 03-09 a holiday, Saturday 03-14 a
/// make-up day running Monday's timetable) with free times of its own.
@Suite("Class free times in the planner's mapping")
struct ClassFreeTimeMappingTests {
    static func planning(_ availability: ClassAvailability) -> PlanningProblem {
        var snapshot = ProblemBuilderTests.snapshot()
        snapshot.cohorts[ProblemBuilderTests.cohortId]?.availability = availability
        return ProblemBuilder.build(snapshot, weights: nil)
    }

    @Test("a class free on Mondays 08:00–12:00 with an hour's travel: a 2-hour session starts at 09:00 only")
    func travelAndMakeupDay() throws {
        let planning = Self.planning(
            ClassAvailability(
                freeAnyTime: false, freeTimes: [.init(weekday: 1, from: "08:00", to: "12:00")], travelMinutes: 60))
        let sessions = planning.problem.sessions
        #expect(sessions[0].allowedStarts == [0 * 24 + 9])
        // week 2: the Monday is a holiday; the make-up Saturday runs Monday's timetable, so the class is free
        #expect(sessions[1].allowedStarts == [12 * 24 + 9])
        #expect(planning.emptyReasons.isEmpty)
    }

    @Test("a listed week replaces the weekly free times: only Wednesday 10:00–12:00 in the week of 03-09")
    func overrideWeek() throws {
        let planning = Self.planning(
            ClassAvailability(
                freeAnyTime: false, freeTimes: [.init(weekday: 2, from: "08:00", to: "12:00")],
                weeks: [
                    .init(weekOf: "2026-03-09", note: "企业周", freeTimes: [.init(weekday: 3, from: "10:00", to: "12:00")])
                ]
            ))
        let sessions = planning.problem.sessions
        #expect(sessions[0].allowedStarts == [1 * 24 + 8, 1 * 24 + 9, 1 * 24 + 10])
        #expect(sessions[1].allowedStarts == [9 * 24 + 10])
    }

    @Test("a class free any time is not restricted, except in a week listed without free times")
    func anyTimeAndExamWeek() throws {
        let free = Self.planning(.anyTime).problem.sessions
        let unrestricted = ProblemBuilder.build(ProblemBuilderTests.snapshot(), weights: nil).problem.sessions
        #expect(free.map(\.allowedStarts) == unrestricted.map(\.allowedStarts))
        let planning = Self.planning(ClassAvailability(weeks: [.init(weekOf: "2026-03-09", note: "考试周")]))
        #expect(planning.problem.sessions[0].allowedStarts == unrestricted[0].allowedStarts)
        #expect(planning.problem.sessions[1].allowedStarts == [])
        #expect(planning.emptyReasons[1]?.en == "class 2401班 is not free in the week of 2026-03-09 (考试周)")
    }

    @Test("when the free times leave no start, the reason names the class, its free times, the travel and the week")
    func reason() throws {
        let planning = Self.planning(
            ClassAvailability(
                freeAnyTime: false,
                freeTimes: [
                    .init(weekday: 2, from: "08:00", to: "11:30"), .init(weekday: 4, from: "13:30", to: "17:00"),
                ],
                travelMinutes: 30))
        // Tuesday 08:00–11:30 less half an hour each way leaves 2.5 hours, but on the 60-minute grid only
        // 09:00–11:00 fits inside 08:30–11:00; Thursday's free time lies after the center closes
        #expect(planning.problem.sessions.map(\.allowedStarts) == [[1 * 24 + 9], [8 * 24 + 9]])
        let tight = Self.planning(
            ClassAvailability(
                freeAnyTime: false,
                freeTimes: [
                    .init(weekday: 2, from: "08:00", to: "10:30"), .init(weekday: 4, from: "13:30", to: "17:00"),
                ],
                travelMinutes: 30))
        #expect(tight.problem.sessions.map(\.allowedStarts) == [[], []])
        #expect(
            tight.emptyReasons[0]?.en
                == "class 2401班 is free on Tue 08:00–10:30 and Thu 13:30–17:00 only; with 30 minutes' travel each way no open 120 minutes remain in the week of 2026-03-02"
        )
    }
}
