import Allocator
import Dates
import Domain
import Foundation
import TestSupport
import Testing

@testable import Planning

@Suite("Mapping a center onto the allocator")
struct ProblemBuilderTests {
    static let (centerId, school, cohortId, poolId, lineId, teacherId, expiringId) = (
        UUID(), UUID(), UUID(), UUID(), UUID(), UUID(), UUID()
    )

    /// Two weeks from Monday 2026-03-02; open Mon–Sat 08:00–12:00; Monday 03-09 a public holiday and
    /// Saturday 03-14 a make-up day running Monday's timetable.
    static func snapshot(bookings: [Booking] = [], maintenance: [MaintenanceWindow] = []) -> CenterSnapshot {
        let zone = TimeZone(identifier: "Asia/Shanghai")!
        let calendar = TermCalendar(
            openingHours: (1...6).map { OpeningHours(weekday: $0, opens: "08:00", closes: "12:00") }, closures: [],
            days: [
                CalendarDay(date: "2026-03-09", kind: .publicHoliday, name: "假日"),
                CalendarDay(date: "2026-03-14", kind: .makeupWorkday, name: "调休", followsWeekday: 1),
            ])
        let training = Request(
            id: UUID(), centerId: centerId, organizationId: school, title: "机器人实训",
            details: .studentTraining(
                .init(
                    cohortId: cohortId, courseName: "机器人", sessionsPerWeek: 1, weeks: 2,
                    startDate: CalendarDate(iso: "2026-03-02")!,
                    sessionMinutes: 120,
                    capability: "robot", studentsPerStation: 2, instructorSkills: ["robot"], preferredWeekdays: [1])),
            state: .submitted, reason: nil, version: 1)
        let teachers = ([(teacherId, "2030-01-01"), (expiringId, "2026-03-07")] as [(UUID, String)]).map { id, expiry in
            Instructor(
                id: id, centerId: centerId, organizationId: school, name: "师 \(expiry)", postType: .fixed,
                weeklyHourCap: 20,
                skills: [.init(skill: "robot", expiresOn: CalendarDate(iso: expiry))],
                availability: (1...6).map { .init(weekday: $0, from: "08:00", to: "12:00") },
                version: 1)
        }
        return CenterSnapshot(
            center: Center(
                id: centerId, name: "中心", operatorId: UUID(), timeZone: "Asia/Shanghai", slotMinutes: 60, version: 1),
            grid: SlotGrid(
                first: CalendarDate(iso: "2026-03-02")!, last: CalendarDate(iso: "2026-03-15")!, slotMinutes: 60,
                timeZone: zone),
            calendar: calendar, policy: CenterPolicy(),
            resources: [
                Resource(
                    id: poolId, centerId: centerId, kind: .workstationPool, name: "工作站", capabilities: ["robot"],
                    seats: 12, parentId: nil, status: .active, version: 1),
                Resource(
                    id: lineId, centerId: centerId, kind: .equipmentLine, name: "产线", capabilities: ["robot"], seats: 1,
                    parentId: nil, status: .active, version: 1),
            ],
            instructors: teachers,
            cohorts: [cohortId: Cohort(id: cohortId, organizationId: school, name: "2401班", size: 20, version: 1)],
            maintenance: maintenance, bookings: bookings, links: [:], requests: [training], seatRequests: [])
    }

    static func at(_ day: Int, _ hour: Int) -> Date {
        Date(timeIntervalSince1970: 1_772_380_800 + Double((day - 2) * 86_400 + hour * 3600))  // 2026-03-0d, Shanghai
    }

    @Test("a run's weights override the center's where given; the rest stay the center's")
    func weights() throws {
        let run = try JSONDecoder().decode(PlanWeights.self, from: Data(#"{"leastChange": 100, "roomSize": 0}"#.utf8))
        #expect(run == PlanWeights([.leastChange: 100, .roomSize: 0]))
        let encoded = try #require(
            try JSONSerialization.jsonObject(with: try JSONEncoder().encode(run)) as? [String: Int])
        #expect(encoded == ["leastChange": 100, "roomSize": 0])
        var center = PolicyWeights()
        center[.organizationFairness] = 10
        center[.leastChange] = 3
        let applied = SoftWeights(run.applied(to: center))
        #expect(
            applied.leastChange == 100 && applied.roomSize == 0 && applied.organizationFairness == 10
                && applied.preferredTime == 1)
        #expect(ProblemBuilder.build(Self.snapshot(), weights: run).problem.weights.leastChange == 100)
    }

    @Test("a weekly training request: weeks, open hours, 调休, preferred weekday, stations, class, valid certificates")
    func training() throws {
        let planning = ProblemBuilder.build(Self.snapshot(), weights: nil)
        let problem = planning.problem
        try problem.validate()
        #expect(problem.horizon == Horizon(days: 14, slotsPerDay: 24))
        #expect(problem.sessions.count == 2)
        #expect(problem.series.map(\.kind) == [.weekly])
        let (first, second) = (problem.sessions[0], problem.sessions[1])
        // week 1: Mon–Sat 08:00–12:00, a 2-hour session starts at 08, 09 or 10
        #expect(Set(first.allowedStarts!.map { $0 / 24 }) == Set(0...5))
        #expect(Set(first.allowedStarts!.map { $0 % 24 }) == [8, 9, 10])
        // week 2: the Monday holiday is gone; the make-up Saturday is the preferred "Monday"
        #expect(Set(second.allowedStarts!.map { $0 / 24 }) == Set(8...12))
        #expect(first.preferredDays == [0])
        #expect(second.preferredDays == [12])
        #expect(first.resourceNeed == ResourceNeed(units: 10, eligibleResources: [0]))
        #expect(first.cohorts == [0] && first.participants == 20)
        #expect(first.eligibleInstructors == [0, 1])
        #expect(
            second.eligibleInstructors == [0], "a certificate must be valid through the last day the session may take")
        #expect(problem.instructors[0].weeklySlotCap == 20)
        #expect(problem.resources[0].capacity == 12)
        #expect(
            !problem.resources[0].unavailableSlots.contains(8) && problem.resources[0].unavailableSlots.contains(12))
    }

    @Test(
        "a confirmed booking is pinned where it is, maintenance closes its resource, and both are honoured by the solution"
    )
    func bookingsAndMaintenance() throws {
        let booking = Booking(
            id: UUID(), centerId: Self.centerId, organizationId: Self.school, category: .employeeUpskilling,
            title: "直接预订",
            start: Self.at(3, 8), end: Self.at(3, 10), resources: [.init(resourceId: Self.poolId, stations: 4)],
            instructorId: Self.teacherId,
            participants: 4, cohortIds: [], status: .confirmed, version: 1)
        let repair = MaintenanceWindow(
            id: UUID(), resourceId: Self.poolId, start: Self.at(2, 8), end: Self.at(2, 12), reason: "保养")
        let planning = ProblemBuilder.build(Self.snapshot(bookings: [booking], maintenance: [repair]), weights: nil)
        let problem = planning.problem
        #expect(planning.origins.first == .booking(booking.id))
        #expect(problem.pinned[0] == Assignment(start: 24 + 8, resource: 0, instructor: 0))
        #expect(problem.sessions[0].resourceNeed.units == 4 && problem.sessions[0].duration == 2)
        #expect(Set(8..<12).isSubset(of: Set(problem.resources[0].unavailableSlots)))
        let result = try Solver(configuration: SolverConfiguration(seed: 1, termination: Termination(stepLimit: 2_000)))
            .solve(problem)
        #expect(result.score.isFeasible)
        let placed = try #require(result.solution.assignments[1])
        #expect(placed.start / 24 != 0 || placed.resource != 0, "not on the pool during its maintenance")
        #expect(
            !(placed.start / 24 == 1 && placed.start % 24 < 10 && placed.instructor == 0),
            "the instructor is booked then")
    }
}
