import Dates
import Domain
import Foundation
import Testing

@Suite("A pilot run's shifts and the calendar days they cover")
struct PilotShiftsTests {
    private static func run(_ shifts: PilotShifts?, days: Int = 5) -> PilotProductionDetails {
        PilotProductionDetails(
            capability: "pilot.line", days: days, earliestStart: CalendarDate(iso: "2026-04-06")!,
            latestStart: CalendarDate(iso: "2026-04-06")!, shifts: shifts)
    }

    private static func time(_ text: String) -> ClockTime { ClockTime(text: text)! }

    private static func rule(of details: PilotProductionDetails) -> (field: String, rule: String)? {
        do {
            try RequestDetails.pilotProduction(details).validate()
            return nil
        } catch { return (error.field, error.rule) }
    }

    @Test("3×8 from 06:00 over five days covers 120 hours round the clock: six calendar days, cut at midnight")
    func threeShiftsCoverTheClock() throws {
        let pieces = try #require(Self.run(PilotShifts(pattern: .threeEight, firstStart: Self.time("06:00"))).pieces)
        #expect(pieces.map(\.day) == [0, 1, 2, 3, 4, 5])
        #expect(pieces.first?.minutes == 360..<1440)
        #expect(pieces[1...4].allSatisfy { $0.minutes == 0..<1440 })
        #expect(pieces.last?.minutes == 0..<360)
        let minutes: Int = pieces.map(\.minutes.count).reduce(0, +)
        #expect(minutes == 7_200)
        // from midnight the run ends with its fifth day
        let midnight = try #require(Self.run(PilotShifts(pattern: .twoTwelve, firstStart: Self.time("00:00"))).pieces)
        #expect(midnight.map(\.day) == [0, 1, 2, 3, 4])
        #expect(midnight.allSatisfy { $0.minutes == 0..<1440 })
    }

    @Test("custom shifts hold the line from a day's first worked minute to its last; a night shift ends the next day")
    func customShifts() throws {
        let shifts = PilotShifts(
            pattern: .custom,
            custom: [.init(start: Self.time("06:00"), minutes: 240), .init(start: Self.time("20:00"), minutes: 480)])
        let pieces = try #require(Self.run(shifts, days: 2).pieces)
        #expect(pieces.map(\.day) == [0, 1, 2])
        #expect(pieces.map(\.minutes) == [360..<1440, 0..<1440, 0..<240])
        #expect(Self.run(nil).pieces == nil)
        #expect(Self.run(PilotShifts(pattern: .dayHours)).pieces == nil)
        // the request's span reaches the last night shift's morning
        #expect(
            RequestDetails.pilotProduction(Self.run(shifts, days: 2)).span?.upperBound
                == CalendarDate(iso: "2026-04-08"))
    }

    @Test("bad shifts are refused naming the field and the rule")
    func badShifts() {
        #expect(
            Self.rule(of: Self.run(PilotShifts(pattern: .threeEight)))! == ("details/shifts/firstStart", "required"))
        #expect(
            Self.rule(of: Self.run(PilotShifts(pattern: .threeEight, firstStart: Self.time("24:00"))))!
                == ("details/shifts/firstStart", "range"))
        #expect(
            Self.rule(of: Self.run(PilotShifts(pattern: .dayHours, firstStart: Self.time("06:00"))))!
                == ("details/shifts/firstStart", "notForPattern"))
        #expect(Self.rule(of: Self.run(PilotShifts(pattern: .custom)))! == ("details/shifts/custom", "required"))
        let overlapping = PilotShifts(
            pattern: .custom,
            custom: [.init(start: Self.time("22:00"), minutes: 600), .init(start: Self.time("06:00"), minutes: 480)])
        #expect(Self.rule(of: Self.run(overlapping))! == ("details/shifts/custom/0/minutes", "overlap"))
        let short = PilotShifts(pattern: .custom, custom: [.init(start: Self.time("06:00"), minutes: 10)])
        #expect(Self.rule(of: Self.run(short))! == ("details/shifts/custom/0/minutes", "range"))
        var extras = Self.run(nil)
        extras.extraResources = [.init()]
        #expect(Self.rule(of: extras)! == ("details/extraResources/0/resourceId", "required"))
        #expect(Self.rule(of: Self.run(PilotShifts(pattern: .threeEight, firstStart: Self.time("06:00")))) == nil)
    }

    @Test("the JSON shape: pattern names as written, times HH:MM")
    func json() throws {
        let text = #"{"pattern":"3x8","firstStart":"06:00"}"#
        let shifts = try JSONDecoder().decode(PilotShifts.self, from: Data(text.utf8))
        #expect(shifts == PilotShifts(pattern: .threeEight, firstStart: Self.time("06:00")))
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(PilotShifts.self, from: Data(#"{"pattern":"4x6"}"#.utf8))
        }
    }
}
