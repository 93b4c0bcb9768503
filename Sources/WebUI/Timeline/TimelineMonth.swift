import Dates
import Domain
import Foundation

/// A month drawn as resources × days, each cell the share of the day's open hours the resource is
/// booked or blocked (shaded in five steps, the share written), linking to that day's hours.
struct TimelineMonth {
    let data: TimelineData
    let dates: DateText
    let strings: Strings
    /// The page's view and filters, kept by the links to a day (each ending in `&`).
    var link = ""
    var now = Date()

    /// The template's values: the month's day headings and one row per resource.
    func values() -> [String: Any] {
        let today = data.center.today(now: now)
        return [
            "monthDays": data.days.map { day -> [String: Any] in
                [
                    "day": day.day, "weekday": dates.weekday(day), "today": day == today,
                    "weekend": day.isoWeekday >= 6,
                ]
            },
            "monthRows": data.resources.map { resource -> [String: Any] in
                let blocking = data.blocking(resource.id)
                return [
                    "name": resource.name, "note": strings.text("kind_\(resource.kind.rawValue)", dates.language),
                    "cells": data.days.map { cell(resource, $0, blocking: blocking, today: today) },
                ]
            },
        ]
    }

    private func cell(
        _ resource: Resource, _ day: CalendarDate, blocking: [ShownBooking], today: CalendarDate
    ) -> [String: Any] {
        let label = "\(resource.name) \(dates.shortDay(dates.midnight(day)))"
        guard let share = data.occupancy(on: day, blocking: blocking, dates: dates) else {
            return [
                "closed": true, "label": "\(label) \(strings.text("timeline_closed", dates.language))",
                "today": day == today,
            ]
        }
        let percent = Int((share * 100).rounded())
        return [
            "href": "?\(link)day=\(day)", "level": share == 0 ? 0 : share >= 1 ? 4 : 1 + Int(share * 3),
            "text": "\(percent)%", "label": "\(label) \(percent)%", "today": day == today,
        ]
    }
}
