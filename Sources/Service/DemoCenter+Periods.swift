import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// The center's bell periods: ten on weekdays (four in the morning with a 20-minute big break,
    /// four in the afternoon, two in the evening for upskilling) and a shorter Saturday set.
    static func periods(_ centerId: UUID, on connection: Connection) throws {
        let weekday = [
            ("08:00", "08:45"), ("08:50", "09:35"), ("09:55", "10:40"), ("10:45", "11:30"), ("14:00", "14:45"),
            ("14:50", "15:35"), ("15:55", "16:40"), ("16:45", "17:30"), ("18:30", "19:15"), ("19:20", "20:05"),
        ]
        let saturday = [("08:30", "09:15"), ("09:25", "10:10"), ("10:20", "11:05"), ("11:15", "12:00")]
        let schedule = PeriodSchedule(sets: [
            PeriodSet(weekdays: [1, 2, 3, 4, 5], periods: numbered(weekday)),
            PeriodSet(weekdays: [6], periods: numbered(saturday)),
        ])
        let hours = try CalendarRepository().openingHours(centerId: centerId, on: connection)
        _ = try PeriodRepository().replace(
            try schedule.validated(openingHours: hours), centerId: centerId, on: connection)
    }

    private static func numbered(_ times: [(String, String)]) -> [Period] {
        times.enumerated().map { index, time in
            Period(
                number: index + 1, label: "第\(index + 1)节", start: ClockTime(text: time.0)!,
                end: ClockTime(text: time.1)!)
        }
    }
}

extension DemoCenter.Term {
    /// Two classes of schools that think in periods: sessions of 第3–4节-sized blocks (two periods)
    /// and of a whole afternoon (four periods, the big break inside).
    func submitInPeriods(with service: RequestService, on connection: Connection) throws {
        for (school, cohort, course, periods, weekdays) in [
            ("潍坊市工业学校", "数控2301班", "PLC 编程基础（按节）", 2, [4]),
            ("潍坊职业学院", "机电2401班", "电气控制综合实训（按节）", 4, [2]),
        ] {
            _ = try service.create(
                NewRequest(
                    organizationId: orgs[school]!.id, title: "\(cohort) \(course)",
                    details: .studentTraining(
                        .init(
                            cohortId: cohorts[cohort]!, courseName: course, sessionsPerWeek: 1, weeks: 16,
                            startDate: CalendarDate(iso: "2026-03-02")!, sessionMinutes: nil, capability: "plc",
                            studentsPerStation: 2, instructorSkills: ["plc"], preferredWeekdays: weekdays,
                            sessionPeriods: periods)),
                    submit: true),
                in: centerId, as: .system, on: connection)
        }
    }
}
