import Access
import Dates
import Domain
import Foundation
import Service

/// What a week of a center's timeline is drawn from, as the reader may see it (one use case).
struct TimelineData: Sendable {
    let center: Center
    let monday: CalendarDate
    let resources: [Resource]
    let instructors: [Instructor]
    /// The week's bookings, already shown to the reader (others' as occupied blocks, buffers inside).
    let bookings: [ShownBooking]
    let maintenance: [UUID: [MaintenanceWindow]]
    let calendar: TermCalendar
    let openingHours: [OpeningHours]
    let changeovers: [ChangeoverRule]
    /// The center's bell periods, named beside the times of the bookings that coincide with them.
    var periods = PeriodSchedule()

    /// Reads the week that starts on `monday`, as `reader` may see it.
    static func load(
        _ center: Center, monday: CalendarDate, services: PageServices, dates: DateText, reader: Principal
    ) async throws -> TimelineData {
        let years = Array(Set([monday.year, monday.adding(days: 6).year])).sorted()
        let week = try await services.bookings.week(
            of: center.id, from: dates.midnight(monday), to: dates.midnight(monday.adding(days: 7)), years: years,
            as: reader)
        var data = TimelineData(
            center: center, monday: monday, resources: week.resources, instructors: week.instructors,
            bookings: week.bookings, maintenance: week.maintenance,
            calendar: TermCalendar(openingHours: week.openingHours, closures: week.closures, days: week.calendarDays),
            openingHours: week.openingHours, changeovers: week.changeovers)
        data.periods = week.periods
        return data
    }

    /// The hours drawn each day: from the earliest opening to the latest closing (08–22 without hours).
    var hours: Range<Int> {
        let opens = openingHours.map(\.opens.minutes).min() ?? 8 * 60
        let closes = openingHours.map(\.closes.minutes).max() ?? 22 * 60
        return (opens / 60)..<max(opens / 60 + 1, (closes + 59) / 60)
    }
}
