import Access
import Dates
import Domain
import Foundation
import Service

/// What a week of a center's timeline is drawn from, read through the services.
struct TimelineData: Sendable {
    let center: Center
    let monday: CalendarDate
    let resources: [Resource]
    let instructors: [Instructor]
    let bookings: [Booking]
    let maintenance: [UUID: [MaintenanceWindow]]
    let calendar: TermCalendar
    let openingHours: [OpeningHours]
    let changeovers: [ChangeoverRule]

    /// Reads the week that starts on `monday`, with the instructors the reader may list.
    static func load(
        _ center: Center, monday: CalendarDate, services: PageServices, dates: DateText, reader: Principal
    ) async throws -> TimelineData {
        let (from, to) = (dates.midnight(monday), dates.midnight(monday.adding(days: 7)))
        let resources = try await services.centers.resources(of: center.id, page: Page(limit: 500)).filter {
            $0.status == .active
        }
        var bookings: [Booking] = []
        while true {
            let page = try await services.bookings.bookings(
                in: center.id, from: from, to: to, status: .confirmed, page: Page(limit: 500, offset: bookings.count))
            bookings += page
            if page.count < 500 { break }
        }
        let maintenance = try await services.maintenance.windows(in: center.id, from: from, to: to)
        let hours = try await services.calendar.openingHours(of: center.id)
        var days = try await services.calendar.calendarDays(year: monday.year)
        if monday.adding(days: 6).year != monday.year {
            days += try await services.calendar.calendarDays(year: monday.year + 1)
        }
        return TimelineData(
            center: center, monday: monday, resources: resources,
            instructors: try await services.organizations.instructors(
                of: center.id, page: Page(limit: 500), as: reader),
            bookings: bookings, maintenance: maintenance,
            calendar: TermCalendar(
                openingHours: hours, closures: try await services.calendar.closures(of: center.id), days: days),
            openingHours: hours, changeovers: try await services.policies.policy(of: center.id).changeovers)
    }

    /// The hours drawn each day: from the earliest opening to the latest closing (08–22 without hours).
    var hours: Range<Int> {
        let opens = openingHours.compactMap { try? Validate.clock($0.opens, field: "opens") }.min() ?? 8 * 60
        let closes = openingHours.compactMap { try? Validate.clock($0.closes, field: "closes") }.max() ?? 22 * 60
        return (opens / 60)..<max(opens / 60 + 1, (closes + 59) / 60)
    }
}
