import Access
import Dates
import Domain
import Foundation
import Service

/// What a day, week or month of a center's timeline is drawn from, as the reader may see it (one
/// use case).
struct TimelineData: Sendable {
    let center: Center
    /// The first day shown.
    let first: CalendarDate
    /// How many days are shown.
    var length = 7
    /// The rows shown (after any filter).
    var resources: [Resource]
    /// The center's containment, of every resource (filtered out or not): the resource each sits in.
    var parents: [UUID: UUID] = [:]
    /// The same containment the other way: the resources directly inside each.
    var children: [UUID: [UUID]] = [:]
    /// Every resource's name, a filtered-out workshop's included.
    var names: [UUID: String] = [:]
    var instructors: [Instructor]
    /// The week's bookings, already shown to the reader (others' as occupied blocks, buffers inside).
    let bookings: [ShownBooking]
    /// The positions in `bookings` of those that use each resource, in order.
    private(set) var uses: [UUID: [Int]] = [:]
    let maintenance: [UUID: [MaintenanceWindow]]
    let calendar: TermCalendar
    let openingHours: [OpeningHours]
    let changeovers: [ChangeoverRule]
    /// The center's bell periods, named beside the times of the bookings that coincide with them.
    var periods = PeriodSchedule()

    /// Reads the `length` days from `first`, as `reader` may see them.
    static func load(
        _ center: Center, from first: CalendarDate, length: Int = 7, services: PageServices, dates: DateText,
        reader: Principal
    ) async throws -> TimelineData {
        let years = Array(Set([first.year, first.adding(days: length - 1).year])).sorted()
        let week = try await services.bookings.week(
            of: center.id, from: dates.midnight(first), to: dates.midnight(first.adding(days: length)), years: years,
            as: reader)
        var data = TimelineData(
            center: center, first: first, resources: week.resources, instructors: week.instructors,
            bookings: week.bookings, maintenance: week.maintenance,
            calendar: TermCalendar(openingHours: week.openingHours, closures: week.closures, days: week.calendarDays),
            openingHours: week.openingHours, changeovers: week.changeovers)
        data.periods = week.periods
        for (index, shown) in week.bookings.enumerated() {
            for use in shown.resources { data.uses[use.resourceId, default: []].append(index) }
        }
        data.length = length
        for resource in week.resources {
            data.parents[resource.id] = resource.parentId
            if let parent = resource.parentId { data.children[parent, default: []].append(resource.id) }
            data.names[resource.id] = resource.name
        }
        return data
    }

    /// The days shown.
    var days: [CalendarDate] { (0..<length).map { first.adding(days: $0) } }

    /// The hours drawn each day: from the earliest opening to the latest closing (08–22 without hours).
    var hours: Range<Int> {
        let opens = openingHours.map(\.opens.minutes).min() ?? 8 * 60
        let closes = openingHours.map(\.closes.minutes).max() ?? 22 * 60
        return (opens / 60)..<max(opens / 60 + 1, (closes + 59) / 60)
    }
}
