public import Foundation

/// A feed's iCalendar document (RFC 5545): `VCALENDAR` with its name, the center's zone as a
/// `VTIMEZONE` and one `VEVENT` per session, every time in that zone.
public struct CalendarFeed: Sendable {
    /// `X-WR-CALNAME`.
    public var name: String
    public var zone: TimeZone
    /// The span the feed covers (its `VTIMEZONE` covers it too).
    public var from: Date
    public var to: Date
    /// The right-hand side of every `UID`: the host the feed is served from.
    public var host: String
    public var events: [FeedEvent]

    public init(name: String, zone: TimeZone, from: Date, to: Date, host: String, events: [FeedEvent]) {
        self.name = name
        self.zone = zone
        self.from = from
        self.to = to
        self.host = host
        self.events = events
    }

    /// The document, folded, every line ended by CRLF.
    public func text() -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Praxis//Practice center timetable//EN", "CALSCALE:GREGORIAN",
            "X-WR-CALNAME:\(ICalendarText.escape(name))", "X-WR-TIMEZONE:\(zone.identifier)",
        ]
        lines += ICalendarTimeZone(zone: zone, from: from, to: to).lines
        for event in events { lines += self.lines(of: event) }
        lines.append("END:VCALENDAR")
        return lines.map(ICalendarText.fold).joined()
    }

    private func lines(of event: FeedEvent) -> [String] {
        let tzid = "TZID=\(zone.identifier)"
        var lines = [
            "BEGIN:VEVENT", "UID:\(event.uid)@\(host)",
            "DTSTAMP:\(ICalendarText.utc(event.changedAt))",
            "DTSTART;\(tzid):\(ICalendarText.local(event.start, in: zone))",
            "DTEND;\(tzid):\(ICalendarText.local(event.end, in: zone))", "SEQUENCE:\(event.sequence)",
            "SUMMARY:\(ICalendarText.escape(event.summary))",
            "STATUS:\(event.cancelled ? "CANCELLED" : "CONFIRMED")", "TRANSP:OPAQUE",
        ]
        if !event.location.isEmpty {
            lines.append("LOCATION:\(ICalendarText.escape(event.location.joined(separator: ", ")))")
        }
        if !event.description.isEmpty {
            lines.append("DESCRIPTION:\(ICalendarText.escape(event.description.joined(separator: "\n")))")
        }
        for instructor in event.instructors {
            lines.append(
                "ATTENDEE;CN=\(ICalendarText.parameter(instructor.name));ROLE=CHAIR;PARTSTAT=ACCEPTED:urn:uuid:"
                    + instructor.id.uuidString.lowercased())
        }
        return lines + ["END:VEVENT"]
    }
}
