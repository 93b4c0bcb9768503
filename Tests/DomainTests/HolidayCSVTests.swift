import Dates
import Domain
import Foundation
import TestSupport
import Testing

@Suite("The official holidays as CSV")
struct HolidayCSVTests {
    static var shipped: String {
        get throws {
            try String(
                contentsOf: TestDatabase.repositoryRoot.appendingPathComponent(
                    "Sources/Service/Resources/calendars/cn-public-holidays.csv"), encoding: .utf8)
        }
    }

    @Test("the shipped file reads whole; make-up days follow the rule the loader chose")
    func shipped() throws {
        let csv = HolidayCSV(text: try Self.shipped, makeupRule: .sameAsHoliday)
        #expect(csv.errors.isEmpty)
        #expect(csv.days.count == 72)
        let day = { (iso: String) in csv.days.first { $0.date == CalendarDate(iso: iso) } }
        #expect(day("2026-04-06")?.kind == .publicHoliday && day("2026-04-06")?.name == "清明节")
        // 2026-05-09 (Sat) pays back 劳动节: the nearest weekday holiday is Tue 05-05
        #expect(day("2026-05-09")?.followsWeekday == 2)
        // 2026-01-04 (Sun) pays back 元旦: Fri 01-02
        #expect(day("2026-01-04")?.followsWeekday == 5)
        let fixed = HolidayCSV(text: try Self.shipped, year: 2025, makeupRule: .weekday(1))
        #expect(fixed.days.allSatisfy { $0.date.year == 2025 })
        #expect(fixed.days.filter { $0.kind == .makeupWorkday }.allSatisfy { $0.followsWeekday == 1 })
    }

    @Test("without a rule, a make-up day needs its follows_weekday column")
    func makeupNeedsWeekday() throws {
        let csv = HolidayCSV(text: try Self.shipped, year: 2026, makeupRule: nil)
        #expect(
            csv.errors.first
                == .init(
                    line: 38, column: "follows_weekday", rule: "required",
                    message: csv.errors.first?.message ?? ""))
        let given = HolidayCSV(
            text: "date,kind,holiday,follows_weekday\n2027-02-20,makeup_workday,春节,4\n2027-02-10,holiday,春节,\n",
            makeupRule: nil)
        #expect(given.errors.isEmpty)
        #expect(given.days.map(\.followsWeekday) == [nil, 4])
    }

    @Test("bad rows are listed by line, column and rule")
    func badRows() {
        let csv = HolidayCSV(
            text: """
                date,kind,holiday
                2027-01-01,holiday,元旦
                2027-13-01,holiday,元旦
                2027-01-02,vacation,元旦
                2027-01-03,holiday,
                2027-01-01,holiday,元旦
                2027-01-04,holiday,元旦,8
                """, makeupRule: .sameAsHoliday)
        #expect(
            csv.errors.map { "\($0.line) \($0.column) \($0.rule)" } == [
                "3 date format", "4 kind enum", "5 holiday required", "6 date unique", "7 follows_weekday holidayOnly",
            ])
        #expect(HolidayCSV(text: "day,kind\n", makeupRule: nil).errors.first?.rule == "format")
    }
}
