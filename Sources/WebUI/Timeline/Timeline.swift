import Dates
import Domain
import Foundation

/// A week drawn as rows (resources or instructors) × days, each day a track of hours with the
/// blocks placed on it: bookings (labelled by category, or "occupied" where the use case showed
/// them only as occupied blocks, their buffers inside), changeover buffers after the bookings shown
/// in full, maintenance and closed days hatched.
struct Timeline {
    enum Rows: String { case resources, instructors }

    let data: TimelineData
    let rows: Rows
    let dates: DateText
    let strings: Strings
    /// Free hours link to the booking form (a manager's resource rows).
    let bookable: Bool
    let highlight: UUID?
    /// Labels instructors' skills in the reader's language; without it they show as tags.
    var tags: TagPicker? = nil

    var days: [CalendarDate] { (0..<7).map { data.monday.adding(days: $0) } }

    /// The template's values: day headings, rows, and the week's bookings as a list.
    func values() -> [String: Any] {
        let listed = bookable ? listedBookings() : []
        return [
            "days": days.map { day -> [String: Any] in
                var heading: [String: Any] = ["label": dates.shortDay(dates.midnight(day))]
                if let reason = data.calendar.closedReason(on: day) { heading["closed"] = reason }
                return heading
            },
            "rows": rows == .resources
                ? data.resources.map {
                    row(id: $0.id, name: $0.name, note: text("kind_\($0.kind.rawValue)"), resource: $0)
                }
                : data.instructors.map {
                    row(
                        id: $0.id, name: $0.name,
                        note: tags?.labels($0.skills.map(\.skill)) ?? $0.skills.map(\.skill).joined(separator: " "),
                        resource: nil)
                },
            "bookings": listed, "hasBookings": !listed.isEmpty,
        ]
    }

    /// The week's bookings in time order, as a list beside the drawing (blocks of an hour are too
    /// narrow to act on): each with a cancel form where the reader may cancel it.
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
                    "action": "/ui/bookings/\(booking.id.uuidString.lowercased())/cancel", "version": booking.version,
                    "label": "\(text("timeline_cancel")) \(booking.title) \(when)",
                ]
            }
            return item
        }
    }

    private func row(id: UUID, name: String, note: String, resource: Resource?) -> [String: Any] {
        let mine = data.bookings.filter { shown in
            resource == nil ? shown.details?.instructorId == id : shown.resources.contains { $0.resourceId == id }
        }
        return [
            "name": name, "note": note,
            "cells": days.map { day in cell(day, bookings: mine, resource: resource) },
        ]
    }

    private func cell(_ day: CalendarDate, bookings: [ShownBooking], resource: Resource?) -> [String: Any] {
        let hours = data.hours
        let window = (
            dates.midnight(day).addingTimeInterval(Double(hours.lowerBound * 3600)),
            dates.midnight(day).addingTimeInterval(Double(hours.upperBound * 3600))
        )
        var blocks: [[String: Any]] = []
        var taken: [(Date, Date)] = []
        func place(_ start: Date, _ end: Date, _ values: [String: Any], occupies: Bool = true) {
            let (from, to) = (max(start, window.0), min(end, window.1))
            guard from < to else { return }
            let length = window.1.timeIntervalSince(window.0)
            var block = values
            block["style"] = String(
                format: "left:%.3f%%;width:%.3f%%", from.timeIntervalSince(window.0) / length * 100,
                to.timeIntervalSince(from) / length * 100)
            block["when"] = dates.span(start, end)
            blocks.append(block)
            if occupies { taken.append((from, to)) }
        }
        let open = data.calendar.openSpans(on: day)
        let shut =
            data.calendar.closedReason(on: day)
            ?? (data.calendar.hasWeeklyHours && open.isEmpty ? text("timeline_notOpen") : nil)
        if let shut {
            place(window.0, window.1, ["class": "closed", "tag": text("timeline_closed"), "what": shut])
        }
        for shown in bookings {
            guard let booking = shown.details else {  // one occupied block, its buffers inside
                let occupied = text("timeline_occupied")
                place(
                    shown.start, shown.end,
                    ["class": "cat-occupied", "tag": occupied, "category": occupied, "what": occupied])
                continue
            }
            place(
                booking.start, booking.end,
                [
                    "class": "cat-" + booking.category.rawValue + (booking.id == highlight ? " just-booked" : ""),
                    "tag": text("categoryShort_\(booking.category.rawValue)"),
                    "category": text("category_\(booking.category.rawValue)"),
                    "what": SessionTitle.text(booking.title, in: dates.language),
                ])
            if let resource,
                let minutes = data.changeovers.filter({
                    $0.resourceKind == resource.kind && $0.fromCategory == booking.category
                }).map(\.minutes).max(), minutes > 0
            {
                let end = booking.end.addingTimeInterval(Double(minutes * 60))
                place(
                    booking.end, end,
                    [
                        "class": "buffer", "tag": text("timeline_buffer"),
                        "what": text("ui_minutes").replacingOccurrences(of: "{n}", with: "\(minutes)"),
                    ],
                    occupies: false)
            }
        }
        for window in resource.map({ data.maintenance[$0.id] ?? [] }) ?? [] {
            place(
                window.start, window.end,
                ["class": "closed", "tag": text("timeline_maintenance"), "what": window.reason])
        }
        var cell: [String: Any] = ["blocks": blocks]
        cell["hours"] = hours.map { hour -> [String: Any] in
            let start = dates.midnight(day).addingTimeInterval(Double(hour * 3600))
            let end = start.addingTimeInterval(3600)
            let isOpen =
                !data.calendar.hasWeeklyHours || data.calendar.isOpen(on: day, minutes: (hour * 60)..<(hour * 60 + 60))
            let free =
                bookable && resource != nil && isOpen && shut == nil && !taken.contains { $0.0 < end && start < $0.1 }
            var slot: [String: Any] = ["free": free, "shut": !isOpen]
            if free, let resource {
                slot["href"] =
                    "/ui/timeline?week=\(data.monday)&resource=\(resource.id.uuidString.lowercased())&date=\(day)&from=\(Self.clock(hour))&to=\(Self.clock(hour + 1))#book"
                slot["label"] =
                    "\(text("timeline_bookHere")) \(resource.name) \(dates.shortDay(start)) \(Self.clock(hour))"
                slot["resource"] = resource.id.uuidString.lowercased()
                slot["date"] = day.description
                slot["from"] = Self.clock(hour)
                slot["to"] = Self.clock(hour + 1)
            }
            return slot
        }
        return cell
    }

    private func text(_ key: String) -> String { strings.text(key, dates.language) }

    static func clock(_ hour: Int) -> String { (hour < 10 ? "0" : "") + "\(hour):00" }
}
