import Dates
import Domain

/// Bell periods for tests: a weekday set of the demo's shape (big break after period 2, lunch
/// after period 4, evening periods 9–10) and a shorter Saturday set.
enum PeriodFixture {
    static let weekday: [(String, String)] = [
        ("08:00", "08:45"), ("08:50", "09:35"), ("09:55", "10:40"), ("10:45", "11:30"), ("14:00", "14:45"),
        ("14:50", "15:35"), ("15:55", "16:40"), ("16:45", "17:30"), ("18:30", "19:15"), ("19:20", "20:05"),
    ]
    static let saturday: [(String, String)] = [("08:30", "09:15"), ("09:25", "10:10")]

    static var schedule: PeriodSchedule {
        PeriodSchedule(sets: [
            PeriodSet(weekdays: [1, 2, 3, 4, 5], periods: periods(weekday)),
            PeriodSet(weekdays: [6], periods: periods(saturday)),
        ])
    }

    static func periods(_ times: [(String, String)]) -> [Period] {
        times.enumerated().map { index, time in
            Period(
                number: index + 1, label: "第\(index + 1)节", start: ClockTime(text: time.0)!,
                end: ClockTime(text: time.1)!)
        }
    }
}
