import Dates
import Domain
import Foundation
import Testing

@Suite("Teaching weeks of a term and the weeks grammar")
struct WeeksPatternTests {
    /// Spring 2026: 18 weeks from Monday 2 March, week 12 and week 18 off.
    static let term = Term(
        id: UUID(), centerId: UUID(), name: "2026春季学期", firstDay: CalendarDate(iso: "2026-03-02")!, weeks: 18,
        weeksOff: [WeekOff(week: 12, name: "技能大赛周"), WeekOff(week: 18, name: "考试周")], version: 1)

    static func weeks(_ text: String) throws -> [Int] {
        try WeeksPattern(text).weeks(in: term, field: "details/weeks")
    }

    static func refusal(_ text: String) -> DomainError? {
        do {
            _ = try weeks(text)
            return nil
        } catch { return error as? DomainError }
    }

    @Test(
        "ranges, lists and odd/even weeks, in English or Chinese, weeks off left out",
        arguments: [
            ("3-8,11-16", [3, 4, 5, 6, 7, 8, 11, 13, 14, 15, 16].filter { $0 != 12 }),
            ("odd", [1, 3, 5, 7, 9, 11, 13, 15, 17]),
            ("1-16 even", [2, 4, 6, 8, 10, 14, 16]),
            ("单周", [1, 3, 5, 7, 9, 11, 13, 15, 17]),
            ("1-6 双周，9", [2, 4, 6, 9]),
            (" 1 , 3 ,5 ", [1, 3, 5]),
            ("10-14", [10, 11, 13, 14]),
            ("1–3", [1, 2, 3]),
        ])
    func grammar(text: String, expected: [Int]) throws {
        #expect(try Self.weeks(text) == expected)
    }

    @Test(
        "text that does not follow the grammar is refused with rule pattern",
        arguments: ["", "3-", "8-3", "0-4", "week 3", "odd even", "3,,4", "１-３", "3-4-5", "-1"])
    func pattern(text: String) {
        let error = Self.refusal(text)
        #expect(error?.rule == "pattern", "\(text)")
        #expect(error?.field == "details/weeks")
    }

    @Test("a week beyond the term is outsideTerm; only weeks off leave nothing (empty)")
    func outside() {
        #expect(Self.refusal("17-19")?.rule == "outsideTerm")
        #expect(Self.refusal("31")?.rule == "outsideTerm")
        #expect(Self.refusal("12,18")?.rule == "empty")
    }

    @Test("a term turns week N into dates and a date into its week")
    func dates() {
        let term = Self.term
        #expect(term.dates(ofWeek: 6).first == CalendarDate(iso: "2026-04-06"))
        #expect(term.dates(ofWeek: 6).last == CalendarDate(iso: "2026-04-12"))
        #expect(term.week(of: CalendarDate(iso: "2026-04-06")!) == 6)
        #expect(term.week(of: CalendarDate(iso: "2026-03-01")!) == nil)
        #expect(term.week(of: CalendarDate(iso: "2026-07-05")!) == 18)
        #expect(term.week(of: CalendarDate(iso: "2026-07-06")!) == nil)
        #expect(term.lastDay == CalendarDate(iso: "2026-07-05"))
    }

    @Test("a new term is refused naming the field and rule")
    func termValidation() {
        func rule(_ term: NewTerm) -> String? {
            do {
                _ = try term.validated()
                return nil
            } catch { return "\(error.field) \(error.rule)" }
        }
        let monday = CalendarDate(iso: "2026-03-02")!
        #expect(rule(NewTerm(name: "春", firstDay: monday.adding(days: 1), weeks: 18)) == "firstDay monday")
        #expect(rule(NewTerm(name: "春", firstDay: monday, weeks: 0)) == "weeks range")
        #expect(rule(NewTerm(name: "春", firstDay: monday, weeks: 31)) == "weeks range")
        #expect(
            rule(NewTerm(name: "春", firstDay: monday, weeks: 18, weeksOff: [WeekOff(week: 19, name: "考试周")]))
                == "weeksOff/0/week outsideTerm")
        #expect(
            rule(
                NewTerm(
                    name: "春", firstDay: monday, weeks: 18,
                    weeksOff: [WeekOff(week: 9, name: "a"), WeekOff(week: 9, name: "b")])) == "weeksOff/1/week unique")
        #expect(rule(NewTerm(name: " ", firstDay: monday, weeks: 18)) == "name required")
        #expect(rule(NewTerm(name: "春", firstDay: monday, weeks: 30)) == nil)
    }
}
