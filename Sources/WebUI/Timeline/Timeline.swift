import Dates
import Domain
import Foundation

/// A day or week drawn as rows (resources or instructors) × days, each day a track of hours under
/// an hour ruler with the blocks placed on it: bookings (labelled by category, or "occupied" where
/// the use case showed them only as occupied blocks, their buffers inside), the bookings that block
/// a resource through containment (its workshop's, its machines'), changeover buffers after the
/// bookings shown in full, maintenance and closed days hatched; today tinted, now marked.
struct Timeline {
    enum Rows: String { case resources, instructors }

    let data: TimelineData
    let rows: Rows
    let dates: DateText
    let strings: Strings
    /// Free hours link to the booking form (a manager's resource rows).
    let bookable: Bool
    let highlight: UUID?
    /// What a free hour's link keeps of the page's query (view and filters, each ending in `&`).
    var link = ""
    /// Labels instructors' skills in the reader's language; without it they show as tags.
    var tags: TagPicker? = nil
    /// The instant the today tint and the now marker show.
    var now = Date()

    var days: [CalendarDate] { data.days }

    /// The template's values: day headings and rows.
    func values() -> [String: Any] {
        let today = data.center.today(now: now)
        return [
            "days": days.map { day -> [String: Any] in
                var heading: [String: Any] = [
                    "label": dates.shortDay(dates.midnight(day)), "today": day == today,
                    "ruler": data.hours.map { ($0 < 10 ? "0" : "") + "\($0)" },
                ]
                if let reason = data.calendar.closedReason(on: day) { heading["closed"] = reason }
                return heading
            },
            "rows": rows == .resources
                ? data.resources.map {
                    row(id: $0.id, name: $0.name, note: text("kind_\($0.kind.rawValue)"), resource: $0, today: today)
                }
                : data.instructors.map {
                    row(
                        id: $0.id, name: $0.name,
                        note: tags?.labels($0.skills.map(\.skill)) ?? $0.skills.map(\.skill).joined(separator: " "),
                        resource: nil, today: today)
                },
        ]
    }

    /// The list view's values: the bookings shown, in time order (blocks of an hour are too narrow
    /// to act on), each linking to its page and, where the reader may cancel it, to cancelling it.
    func listValues() -> [String: Any] {
        let listed = listedBookings()
        return ["bookings": listed, "hasBookings": !listed.isEmpty]
    }

    private func listedBookings() -> [[String: Any]] {
        let names = Dictionary(data.resources.map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
        return data.bookings.sorted { ($0.start, $0.end) < ($1.start, $1.end) }.map { shown in
            var when = dates.span(shown.start, shown.end)
            if shown.details != nil, let span = data.periodSpan(from: shown.start, to: shown.end) {
                when += " · " + PeriodText.text(span, strings: strings, language: dates.language)
            }
            var item: [String: Any] = [
                "when": when, "resources": shown.resources.compactMap { names[$0.resourceId] }.joined(separator: "、"),
                "what": shown.details.map { SessionTitle.text($0.title, in: dates.language) }
                    ?? text("timeline_occupied"),
                "category": shown.details.map { text("category_\($0.category.rawValue)") } ?? text("timeline_occupied"),
            ]
            if let booking = shown.details { item["link"] = "/ui/bookings/\(booking.id.uuidString.lowercased())" }
            if shown.mayChange, let booking = shown.details {
                item["cancel"] = [
                    "href": "/ui/bookings/\(booking.id.uuidString.lowercased())/cancel?version=\(booking.version)",
                    "label": "\(text("timeline_cancel")) \(booking.title) \(when)",
                ]
            }
            return item
        }
    }

    private func row(id: UUID, name: String, note: String, resource: Resource?, today: CalendarDate) -> [String: Any] {
        let mine =
            resource == nil ? data.bookings.filter { $0.details?.instructorId == id } : data.bookings(of: id)
        let blocking = resource.map { data.containing($0.id) } ?? []
        return [
            "name": name, "note": note,
            "cells": days.map { day in cell(day, bookings: mine, blocking: blocking, resource: resource, today: today)
            },
        ]
    }

    /// A day's track of one row, as markup (a week of a large center has thousands of hours and
    /// blocks: written directly rather than through the template's dictionaries).
    private func cell(
        _ day: CalendarDate, bookings: [ShownBooking],
        blocking: [(booking: ShownBooking, via: UUID, relation: TimelineData.Containment)], resource: Resource?,
        today: CalendarDate
    ) -> [String: Any] {
        let hours = data.hours
        let midnight = dates.midnight(day)
        let window = (
            midnight.addingTimeInterval(Double(hours.lowerBound * 3600)),
            midnight.addingTimeInterval(Double(hours.upperBound * 3600))
        )
        var blocks = Markup()
        var taken: [(Date, Date)] = []
        func place(
            _ start: Date, _ end: Date, class kind: String, tag: String, what: String, category: String? = nil,
            href: String? = nil, occupies: Bool = true
        ) {
            let (from, to) = (max(start, window.0), min(end, window.1))
            guard from < to else { return }
            let length = window.1.timeIntervalSince(window.0)
            let when = dates.span(start, end)
            if let href {
                blocks.raw("<a href=\"")
                blocks.text(href)
                blocks.raw("\"")
            } else {
                blocks.raw("<div")
            }
            blocks.raw(" class=\"block ")
            blocks.text(kind)
            blocks.raw(
                "\" data-place=\"left:\(Self.percent(from.timeIntervalSince(window.0) / length))"
                    + ";width:\(Self.percent(to.timeIntervalSince(from) / length))\" title=\"")
            blocks.text("\(category ?? tag) · \(what) · \(when)")
            blocks.raw("\"><span class=\"tag\">")
            blocks.text(tag)
            blocks.raw("</span><span class=\"what\">")
            blocks.text(what)
            blocks.raw("</span><span class=\"visually-hidden\">")
            blocks.text(category.map { "\($0) \(when)" } ?? when)
            blocks.raw(href == nil ? "</span></div>" : "</span></a>")
            if occupies { taken.append((from, to)) }
        }
        let dayLabel = dates.shortDay(window.0)
        let open = data.calendar.openSpans(on: day)
        let shut =
            data.calendar.closedReason(on: day)
            ?? (data.calendar.hasWeeklyHours && open.isEmpty ? text("timeline_notOpen") : nil)
        if let shut {
            place(window.0, window.1, class: "closed", tag: text("timeline_closed"), what: shut)
        }
        for shown in bookings {
            guard let booking = shown.details else {  // one occupied block, its buffers inside
                let occupied = text("timeline_occupied")
                place(shown.start, shown.end, class: "cat-occupied", tag: occupied, what: occupied, category: occupied)
                continue
            }
            place(
                booking.start, booking.end,
                class: "cat-" + booking.category.rawValue + (booking.id == highlight ? " just-booked" : ""),
                tag: text("categoryShort_\(booking.category.rawValue)"),
                what: SessionTitle.text(booking.title, in: dates.language),
                category: text("category_\(booking.category.rawValue)"),
                href: bookable ? "/ui/bookings/\(booking.id.uuidString.lowercased())" : nil)
            if let resource,
                let minutes = data.changeovers.filter({
                    $0.resourceKind == resource.kind && $0.fromCategory == booking.category
                }).map(\.minutes).max(), minutes > 0
            {
                place(
                    booking.end, booking.end.addingTimeInterval(Double(minutes * 60)), class: "buffer",
                    tag: text("timeline_buffer"),
                    what: text("ui_minutes").replacingOccurrences(of: "{n}", with: "\(minutes)"), occupies: false)
            }
        }
        for (shown, via, relation) in blocking where relation == .inBooked {
            place(
                shown.start, shown.end, class: "contained", tag: text("timeline_inBooked"),
                what: data.names[via] ?? "")
        }
        for span in Self.merged(blocking.filter { $0.relation == .holdsBooked }) {  // one block per busy span
            place(
                span.start, span.end, class: "holds", tag: text("timeline_holdsBooked"),
                what: span.via.compactMap { data.names[$0] }.joined(separator: "、"))
        }
        for window in resource.map({ data.maintenance[$0.id] ?? [] }) ?? [] {
            place(window.start, window.end, class: "closed", tag: text("timeline_maintenance"), what: window.reason)
        }
        var track = Markup()
        track.raw("<div class=\"hours\">")
        for hour in hours {
            let start = midnight.addingTimeInterval(Double(hour * 3600))
            let end = start.addingTimeInterval(3600)
            let isOpen =
                !data.calendar.hasWeeklyHours || data.calendar.isOpen(on: day, minutes: (hour * 60)..<(hour * 60 + 60))
            if bookable, let resource, isOpen, shut == nil, !taken.contains(where: { $0.0 < end && start < $0.1 }) {
                track.raw("<a href=\"")
                track.text(
                    "?\(link)resource=\(resource.id.uuidString.lowercased())&date=\(day)&from=\(Self.clock(hour))&to=\(Self.clock(hour + 1))#book"
                )
                track.raw("\" aria-label=\"")
                track.text("\(text("timeline_bookHere")) \(resource.name) \(dayLabel) \(Self.clock(hour))")
                track.raw("\"></a>")
            } else {
                track.raw(isOpen ? "<i></i>" : "<i class=\"shut\"></i>")
            }
        }
        track.raw("</div>")
        if day == today, window.0 <= now, now < window.1 {
            track.raw(
                "<b class=\"now\" data-place=\"left:"
                    + "\(Self.percent(now.timeIntervalSince(window.0) / window.1.timeIntervalSince(window.0)))\"></b>")
        }
        track.raw(blocks.html)
        return ["track": track.html, "today": day == today]
    }

    private func text(_ key: String) -> String { strings.text(key, dates.language) }

    /// The bookings of the resources inside a row as spans of time, overlapping ones merged, each
    /// with the resources booked in it (a workshop with eight busy machines draws one block, not
    /// eight over each other).
    static func merged(
        _ blocking: [(booking: ShownBooking, via: UUID, relation: TimelineData.Containment)]
    ) -> [(start: Date, end: Date, via: [UUID])] {
        var spans: [(start: Date, end: Date, via: [UUID])] = []
        for (shown, via, _) in blocking.sorted(by: { $0.booking.start < $1.booking.start }) {
            if let last = spans.last, shown.start < last.end {
                spans[spans.count - 1].end = max(last.end, shown.end)
                if !last.via.contains(via) { spans[spans.count - 1].via.append(via) }
            } else {
                spans.append((shown.start, shown.end, [via]))
            }
        }
        return spans
    }

    /// A share (0…1) as a CSS percentage with three decimals: `12.500%`.
    static func percent(_ share: Double) -> String {
        let thousandths = Int((share * 100_000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)%"
    }

    static func clock(_ hour: Int) -> String { (hour < 10 ? "0" : "") + "\(hour):00" }
}
