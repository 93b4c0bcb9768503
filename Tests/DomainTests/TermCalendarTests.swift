import Dates
import Domain
import Foundation
import TestSupport
import Testing

@Suite("A center's term calendar")
struct TermCalendarTests {
    /// Weekdays 08:00–12:00 and 13:30–21:00, Saturday mornings; National Day week 2026 closed
    /// with a make-up Saturday (10-10) that runs Friday's timetable; a fire drill on 10-14.
    let calendar = TermCalendar(
        openingHours: (1...5).flatMap {
            [
                OpeningHours(weekday: $0, opens: "08:00", closes: "12:00"),
                OpeningHours(weekday: $0, opens: "13:30", closes: "21:00"),
            ]
        }
            + [OpeningHours(weekday: 6, opens: "08:00", closes: "12:00")],
        closures: [Closure(from: "2026-10-14", to: "2026-10-14", reason: "消防演练")],
        days: (1...7).map {
            CalendarDay(date: CalendarDate(year: 2026, month: 10, day: $0)!, kind: .publicHoliday, name: "国庆节")
        }
            + [CalendarDay(date: "2026-10-10", kind: .makeupWorkday, name: "国庆调休", followsWeekday: 5)])

    func date(_ text: String) -> CalendarDate { CalendarDate(iso: text)! }

    @Test("a weekly series skips holidays and closures and follows the make-up day")
    func weeklySeries() {
        // weeks of 2026-09-28 … 2026-10-18
        let fridays = calendar.weeklyDates(weekday: 5, from: date("2026-09-28"), weeks: 3)
        #expect(fridays.map(\.description) == ["2026-10-09", "2026-10-10", "2026-10-16"])
        let wednesdays = calendar.weeklyDates(weekday: 3, from: date("2026-09-28"), weeks: 3)
        #expect(wednesdays.map(\.description) == ["2026-09-30"])
        // the first week starts at the start date, not at its Monday
        #expect(
            calendar.weeklyDates(weekday: 1, from: date("2026-10-13"), weeks: 2).map(\.description) == ["2026-10-19"])
        #expect(calendar.weeklyDates(weekday: 7, from: date("2026-10-12"), weeks: 4).isEmpty)  // never open on Sunday
    }

    @Test("what runs on a date, and why it is closed")
    func days() {
        #expect(calendar.timetableWeekday(on: date("2026-10-10")) == 5)
        #expect(calendar.timetableWeekday(on: date("2026-10-01")) == nil)
        #expect(calendar.closedReason(on: date("2026-10-14")) == "消防演练")
        #expect(calendar.openSpans(on: date("2026-10-10")) == [480..<720, 810..<1260])
        #expect(calendar.isOpen(on: date("2026-10-12"), minutes: 840..<960))
        #expect(!calendar.isOpen(on: date("2026-10-12"), minutes: 690..<840))  // across the lunch break
    }

    func instant(_ text: String) -> Date { ISO8601DateFormatter().date(from: text)! }
    let shanghai = TimeZone(identifier: "Asia/Shanghai")!

    @Test("a booking lies inside opening hours on an open day; a pilot run may span days")
    func bookingChecks() throws {
        try calendar.check(
            start: instant("2026-10-12T13:30:00+08:00"), end: instant("2026-10-12T21:00:00+08:00"),
            category: .studentTraining, timeZone: shanghai)
        let evening = #expect(throws: DomainError.self) {
            try calendar.check(
                start: instant("2026-10-12T20:00:00+08:00"), end: instant("2026-10-12T22:00:00+08:00"),
                category: .employeeUpskilling, timeZone: shanghai)
        }
        #expect(evening?.rule == "openingHours")
        #expect(evening?.message.contains("13:30–21:00") == true)
        let holiday = #expect(throws: DomainError.self) {
            try calendar.check(
                start: instant("2026-10-02T09:00:00+08:00"), end: instant("2026-10-02T11:00:00+08:00"),
                category: .studentTraining, timeZone: shanghai)
        }
        #expect(holiday?.rule == "centerClosed")
        #expect(holiday?.message.contains("国庆节") == true)
        // three whole days of pilot production, Sunday included; not across the fire drill
        try calendar.check(
            start: instant("2026-10-10T00:00:00+08:00"), end: instant("2026-10-13T00:00:00+08:00"),
            category: .pilotProduction, timeZone: shanghai)
        let drill = #expect(throws: DomainError.self) {
            try calendar.check(
                start: instant("2026-10-12T00:00:00+08:00"), end: instant("2026-10-15T00:00:00+08:00"),
                category: .pilotProduction, timeZone: shanghai)
        }
        #expect(drill?.message.contains("2026-10-14") == true)
        // without weekly hours only closed days count
        let open = TermCalendar(openingHours: [], closures: [], days: [])
        try open.check(
            start: instant("2026-10-11T22:00:00+08:00"), end: instant("2026-10-11T23:30:00+08:00"),
            category: .employeeUpskilling, timeZone: shanghai)
    }
}
