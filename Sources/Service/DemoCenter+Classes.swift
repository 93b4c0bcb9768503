import Dates
import Domain

extension DemoCenter.Catalogue {
    /// When each demo class is free, from its school's timetable: half-days (a 中职 class free on
    /// Tuesday and Thursday mornings only), a week that differs (an exam week, a week of company
    /// visits), and the travel to the center. The enterprises' groups are free any time.
    static let classAvailability: [String: ClassAvailability] = [
        "机电2401班": ClassAvailability(
            freeAnyTime: false,
            freeTimes: [free(1, "08:00", "12:00"), free(3, "08:00", "12:00"), free(3, "13:30", "17:30")],
            travelMinutes: 20),
        "数控2402班": ClassAvailability(
            freeAnyTime: false, freeTimes: [free(2, "13:30", "17:30"), free(4, "08:00", "12:00")], travelMinutes: 20),
        "工业机器人2403班": ClassAvailability(
            freeAnyTime: false, freeTimes: [free(2, "08:00", "12:00"), free(5, "13:30", "17:30")], travelMinutes: 20),
        "数控2301班": ClassAvailability(
            freeAnyTime: false, freeTimes: [free(2, "08:00", "12:00"), free(4, "08:00", "12:00")],
            weeks: [.init(weekOf: CalendarDate(iso: "2026-04-20")!, note: "期中考试周")], travelMinutes: 30),
        "焊接2302班": ClassAvailability(
            freeAnyTime: false, freeTimes: [free(3, "13:30", "17:30"), free(5, "08:00", "12:00")], travelMinutes: 30),
        "机械设计2201班": ClassAvailability(
            freeAnyTime: false, freeTimes: [free(4, "08:00", "12:00"), free(4, "13:30", "17:30")],
            weeks: [
                .init(weekOf: CalendarDate(iso: "2026-04-13")!, note: "企业参观周", freeTimes: [free(5, "08:00", "12:00")])
            ],
            travelMinutes: 15),
    ]

    private static func free(_ weekday: Int, _ from: String, _ to: String) -> ClassAvailability.FreeTime {
        ClassAvailability.FreeTime(weekday: weekday, from: ClockTime(text: from)!, to: ClockTime(text: to)!)
    }
}
