import Database
import Dates
import Domain
import Foundation
import Repositories

extension DemoCenter {
    /// The demo's term: spring 2026, 18 teaching weeks from Monday 2 March, the provincial skills
    /// contest in week 12 and the final exams in week 18.
    static let springTerm = NewTerm(
        name: "2026春季学期", firstDay: CalendarDate(iso: "2026-03-02")!, weeks: 18,
        weeksOff: [WeekOff(week: 12, name: "技能大赛周"), WeekOff(week: 18, name: "期末考试周")])

    /// Loads the shipped official holidays and make-up days (2025 and 2026) for the years that
    /// have none stored yet; a make-up day runs the timetable of the weekday holiday it pays back.
    static func officialHolidays(on connection: Connection) throws {
        let csv = HolidayCSV(text: try OfficialCalendar.csv(), makeupRule: .sameAsHoliday)
        precondition(csv.errors.isEmpty, "the shipped calendar reads: \(csv.errors)")
        let repository = CalendarRepository()
        for (year, days) in Dictionary(grouping: csv.days, by: \.date.year) {
            guard try repository.calendarDays(year: year, on: connection).isEmpty else { continue }
            try CalendarDay.validate(days, year: year)
            try repository.replaceCalendarDays(days, year: year, on: connection)
        }
    }

    /// Creates the spring term of the demo center.
    static func term(_ centerId: UUID, on connection: Connection) throws -> Domain.Term {
        try TermRepository().insert(try springTerm.validated(), centerId: centerId, on: connection)
    }
}
