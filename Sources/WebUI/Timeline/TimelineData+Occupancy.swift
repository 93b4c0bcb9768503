import Dates
import Domain
import Foundation

extension TimelineData {
    /// The share (0…1) of `day`'s open hours that `resource` is booked or blocked through
    /// containment (its workshop's bookings, its machines'); `nil` when the center is closed that
    /// day. Without weekly opening hours the drawn hours count as open.
    /// - Parameter blocking: the bookings that take `resource` (``blocking(_:)``), found once per row.
    func occupancy(on day: CalendarDate, blocking: [ShownBooking], dates: DateText) -> Double? {
        guard calendar.closedReason(on: day) == nil else { return nil }
        let open =
            calendar.hasWeeklyHours ? calendar.openSpans(on: day) : [(hours.lowerBound * 60)..<(hours.upperBound * 60)]
        let openMinutes = open.map(\.count).reduce(0, +)
        guard openMinutes > 0 else { return nil }
        let midnight = dates.midnight(day)
        let minute = { (instant: Date) in Int(instant.timeIntervalSince(midnight) / 60) }
        let taken = blocking.flatMap { shown in
            open.compactMap { span -> Range<Int>? in
                let (from, to) = (max(span.lowerBound, minute(shown.start)), min(span.upperBound, minute(shown.end)))
                return from < to ? from..<to : nil
            }
        }.sorted { $0.lowerBound < $1.lowerBound }
        var (covered, reach) = (0, Int.min)  // the union of the taken spans
        for span in taken where span.upperBound > reach {
            covered += span.upperBound - max(span.lowerBound, reach)
            reach = span.upperBound
        }
        return Double(covered) / Double(openMinutes)
    }

    /// The bookings that take `resource`: its own and those that block it through containment.
    func blocking(_ resource: UUID) -> [ShownBooking] {
        bookings(of: resource) + containing(resource).map(\.booking)
    }
}
