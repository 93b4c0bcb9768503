public import Foundation

/// A `VTIMEZONE` component made from Foundation's zone data for the span a feed covers (RFC 5545
/// 3.6.5): one observance for the offset in force at its start, then one per transition inside it.
/// A zone without daylight saving time (China's) gets the one `STANDARD` observance.
public struct ICalendarTimeZone: Sendable {
    public let zone: TimeZone
    public let from: Date
    public let to: Date

    public init(zone: TimeZone, from: Date, to: Date) {
        self.zone = zone
        self.from = from
        self.to = to
    }

    /// The component's content lines, unfolded.
    public var lines: [String] {
        var lines = ["BEGIN:VTIMEZONE", "TZID:\(zone.identifier)"]
        let first = zone.secondsFromGMT(for: from)
        // the offset at the span's start holds from long before it (sessions that began earlier)
        lines += observance(at: from, offsetFrom: first, offsetTo: first, start: "19700101T000000")
        for transition in transitions() {
            let before = zone.secondsFromGMT(for: transition.addingTimeInterval(-1))
            lines += observance(at: transition, offsetFrom: before, offsetTo: zone.secondsFromGMT(for: transition))
        }
        return lines + ["END:VTIMEZONE"]
    }

    /// The moments inside the span when the zone's offset changes.
    private func transitions() -> [Date] {
        var found: [Date] = []
        var cursor = from
        while let next = zone.nextDaylightSavingTimeTransition(after: cursor), next < to, found.count < 100 {
            found.append(next)
            cursor = next
        }
        return found
    }

    /// One `STANDARD` or `DAYLIGHT` observance starting at `moment`, its `DTSTART` the wall-clock
    /// time before the change (or `start`).
    private func observance(at moment: Date, offsetFrom: Int, offsetTo: Int, start: String? = nil) -> [String] {
        let kind = zone.isDaylightSavingTime(for: moment) ? "DAYLIGHT" : "STANDARD"
        let start = start ?? ICalendarText.local(moment, in: TimeZone(secondsFromGMT: offsetFrom) ?? zone)
        var lines = [
            "BEGIN:\(kind)", "DTSTART:\(start)", "TZOFFSETFROM:\(ICalendarText.offset(offsetFrom))",
            "TZOFFSETTO:\(ICalendarText.offset(offsetTo))",
        ]
        if let name = zone.abbreviation(for: moment), name.allSatisfy({ $0.isLetter || $0 == "+" || $0 == "-" }) {
            lines.append("TZNAME:\(ICalendarText.escape(name))")
        }
        return lines + ["END:\(kind)"]
    }
}
