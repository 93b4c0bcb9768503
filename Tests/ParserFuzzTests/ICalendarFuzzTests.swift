import Domain
import Foundation
import Testing

@Suite("Fuzzing the iCalendar writer")
struct ICalendarFuzzTests {
    @Test("any text in a feed gives content lines of at most 75 octets ended by CRLF, and reads back as written")
    func feeds() {
        var mutator = Mutator(seed: Fuzz.seed)
        let start = Date(timeIntervalSince1970: 1_772_409_600)  // 2026-03-02 00:00 UTC
        for round in 0..<Fuzz.iterations {
            let summary = mutator.text(length: 60)
            let location = (0..<mutator.below(3)).map { _ in mutator.text(length: 20) }
            let event = FeedEvent(
                uid: "u\(round)", sequence: round, changedAt: start, start: start,
                end: start.addingTimeInterval(3600), summary: summary, location: location,
                description: [mutator.text(length: 80)],
                instructors: [.init(id: UUID(), name: mutator.text(length: 12))], cancelled: false)
            let text = CalendarFeed(
                name: mutator.text(length: 10), zone: TimeZone(identifier: "Asia/Shanghai")!, from: start,
                to: start.addingTimeInterval(86_400), host: "praxis.test", events: [event]
            ).text()
            let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).dropLast()
            #expect(lines.allSatisfy { $0.last == UInt8(ascii: "\r") && $0.count <= 76 }, "\(summary.debugDescription)")
            #expect(
                !lines.contains { $0.dropLast().contains(UInt8(ascii: "\r")) }, "a bare CR: \(summary.debugDescription)"
            )
            let value = Self.unfolded(text).first { $0.hasPrefix("SUMMARY:") }?.dropFirst(8)
            #expect(value.map { Self.unescape(String($0)) } == Self.readable(summary), "\(summary.debugDescription)")
        }
    }

    /// The content lines, unfolded (RFC 5545 3.1): in octets, since a fold may fall between a
    /// character and its combining mark, which as text would read as one character with the space.
    static func unfolded(_ text: String) -> [String] {
        var octets: [UInt8] = []
        var lines: [String] = []
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "\r"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\n") {
                if index + 2 < bytes.count, bytes[index + 2] == UInt8(ascii: " ") {
                    index += 3
                    continue
                }
                lines.append(String(decoding: octets, as: UTF8.self))
                octets = []
                index += 2
                continue
            }
            octets.append(bytes[index])
            index += 1
        }
        return lines
    }

    /// The TEXT value's escapes undone (RFC 5545 3.3.11).
    static func unescape(_ value: String) -> String {
        var out = ""
        var escaped = false
        for character in value {
            if escaped {
                out.append(character == "n" || character == "N" ? "\n" : character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                out.append(character)
            }
        }
        return out
    }

    /// What a TEXT value may carry of `text`: line breaks as LF, no other control characters.
    static func readable(_ text: String) -> String {
        var out = ""
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                out.append("\n")
            } else if character.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value != 0x7F }) {
                out.append(character)
            }
        }
        return out
    }
}
