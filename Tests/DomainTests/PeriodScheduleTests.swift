import Dates
import Domain
import Testing

@Suite("Bell periods: blocks, spans and validation")
struct PeriodScheduleTests {
    /// The demo's weekday: four periods, lunch, four, supper, two.
    static let day = PeriodSchedule(sets: [
        PeriodSet(
            weekdays: [1, 2, 3, 4, 5],
            periods: [
                ("08:00", "08:45"), ("08:50", "09:35"), ("09:55", "10:40"), ("10:45", "11:30"), ("14:00", "14:45"),
                ("14:50", "15:35"), ("15:55", "16:40"), ("16:45", "17:30"), ("18:30", "19:15"), ("19:20", "20:05"),
            ].enumerated().map {
                Period(number: $0 + 1, label: "第\($0 + 1)节", start: ClockTime(text: $1.0)!, end: ClockTime(text: $1.1)!)
            })
    ])
    static let allDay = [0..<1440]

    static func clock(_ block: Range<Int>) -> String {
        "\(ClockTime(minutes: block.lowerBound)!)–\(ClockTime(minutes: block.upperBound)!)"
    }

    @Test("blocks of two periods keep inside a part of the day: none across lunch or supper, the big break inside")
    func pairs() {
        let blocks = Self.day.blocks(weekday: 2, count: 2, inside: Self.allDay).map(Self.clock)
        #expect(
            blocks == [
                "08:00–09:35", "08:50–10:40", "09:55–11:30", "14:00–15:35", "14:50–16:40", "15:55–17:30",
                "18:30–20:05",
            ])
        #expect(Self.day.blocks(weekday: 6, count: 2, inside: Self.allDay).isEmpty, "no periods on Saturdays")
    }

    @Test("a block longer than every part of the day may straddle a long break; the opening hours bound every block")
    func longBlocks() {
        let six = Self.day.blocks(weekday: 1, count: 6, inside: Self.allDay).map(Self.clock)
        #expect(six.first == "08:00–15:35" && six.count == 5)
        let open = [480..<1050]  // 08:00–17:30: the evening periods are outside
        #expect(Self.day.blocks(weekday: 1, count: 2, inside: open).map(Self.clock).last == "15:55–17:30")
    }

    @Test("a span reads as the periods it coincides with, and only then")
    func spans() {
        #expect(Self.day.periodRange(weekday: 3, minutes: 595..<690) == 3...4)
        #expect(Self.day.periodRange(weekday: 3, minutes: 480..<525) == 1...1)
        #expect(Self.day.periodRange(weekday: 3, minutes: 480..<540) == nil)
        #expect(Self.day.periodRange(weekday: 7, minutes: 595..<690) == nil)
        #expect(Self.day.block(weekday: 1, from: 3, to: 4) == 595..<690)
        #expect(Self.day.block(weekday: 1, from: 4, to: 3) == nil)
    }

    @Test("without opening hours a period may lie anywhere; with them, outside one is refused")
    func openingHours() throws {
        _ = try Self.day.validated(openingHours: [])
        let hours = (1...5).map {
            OpeningHours(weekday: $0, opens: ClockTime(text: "08:00")!, closes: ClockTime(text: "18:00")!)
        }
        let error = #expect(throws: DomainError.self) { _ = try Self.day.validated(openingHours: hours) }
        #expect(error?.field == "sets/0/periods/8")
        #expect(error?.rule == "openingHours")
    }
}
