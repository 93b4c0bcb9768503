import Domain
import Foundation
import Testing

@Suite("iCalendar text")
struct ICalendarTextTests {
    @Test("folding keeps lines at 75 octets, never cuts a UTF-8 character, and ends every line with CRLF")
    func folding() {
        let line = "SUMMARY:" + String(repeating: "数控实训", count: 20)
        let folded = ICalendarText.fold(line)
        #expect(folded.hasSuffix("\r\n"))
        let physical = folded.components(separatedBy: "\r\n").dropLast()
        #expect(physical.count > 1)
        #expect(physical.allSatisfy { $0.utf8.count <= 75 })
        #expect(physical.dropFirst().allSatisfy { $0.hasPrefix(" ") })
        // unfolding (drop CRLF and the space after it) gives the line back
        #expect(
            physical.enumerated().map { $0.offset == 0 ? $0.element : String($0.element.dropFirst()) }.joined() == line)
        #expect(ICalendarText.fold("VERSION:2.0") == "VERSION:2.0\r\n")
    }

    @Test("TEXT escapes backslash, semicolon, comma and line breaks")
    func escaping() {
        #expect(ICalendarText.escape("a\\b;c,d\ne\r\nf") == "a\\\\b\\;c\\,d\\ne\\nf")
        #expect(ICalendarText.parameter("王\"老师\"") == "\"王老师\"")
    }

    @Test("times: UTC, wall clock in a zone, offsets")
    func times() {
        let moment = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02T00:00:00Z
        #expect(ICalendarText.utc(moment) == "20260302T000000Z")
        #expect(ICalendarText.local(moment, in: TimeZone(identifier: "Asia/Shanghai")!) == "20260302T080000")
        #expect(ICalendarText.offset(8 * 3600) == "+0800")
        #expect(ICalendarText.offset(-(3 * 3600 + 1800)) == "-0330")
    }

    @Test("VTIMEZONE: one observance for China, one per transition where clocks change")
    func timeZones() {
        // the year 2026
        let (from, to) = (Date(timeIntervalSince1970: 1_767_225_600), Date(timeIntervalSince1970: 1_798_761_600))
        let china = ICalendarTimeZone(zone: TimeZone(identifier: "Asia/Shanghai")!, from: from, to: to).lines
        #expect(china.filter { $0.hasPrefix("BEGIN:STANDARD") || $0.hasPrefix("BEGIN:DAYLIGHT") }.count == 1)
        #expect(china.contains("TZOFFSETTO:+0800"))
        let berlin = ICalendarTimeZone(zone: TimeZone(identifier: "Europe/Berlin")!, from: from, to: to).lines
        #expect(berlin.filter { $0 == "BEGIN:DAYLIGHT" }.count == 1)
        #expect(berlin.filter { $0 == "BEGIN:STANDARD" }.count == 2)
        #expect(berlin.contains("TZOFFSETFROM:+0100") && berlin.contains("TZOFFSETTO:+0200"))
    }
}
