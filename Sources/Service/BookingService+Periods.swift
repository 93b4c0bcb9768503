import Access
import Database
import Dates
import Domain
import Foundation
import Repositories

extension BookingService {
    /// A booking given in bell periods at the times they stand for at the center — the one place
    /// periods become times — read with the center's zone, periods and the calendar of that date
    /// in one round trip (a 调休 make-up day runs the periods of the weekday it stands for). A
    /// booking given in times comes back as it is.
    /// - Throws: ``ServiceError``: `.notFound` for an unknown center, `.invalid` naming `fromPeriod`
    ///   or `toPeriod` (rule `periods`) when the periods do not exist that day, or the time's field.
    func resolvingPeriods(_ input: NewBooking, in centerId: UUID, on connection: Connection) throws -> NewBooking {
        guard let periods = input.periods else { return input }
        let (center, schedule, calendar) = try connection.pipeline(
            centers.findQuery(id: centerId), PeriodRepository().scheduleQuery(centerId: centerId),
            calendars.termCalendarQuery(centerId: centerId, from: periods.date, to: periods.date))
        guard let center else { throw ServiceError.notFound(entity: "center") }
        do throws(DomainError) {
            let resolved = try input.resolvingPeriods(
                in: schedule, weekday: { calendar.timetableWeekday(on: $0) ?? $0.isoWeekday }, timeZone: center.zone)
            try resolved.checkTimes()
            return resolved
        } catch { throw ServiceError.invalid(error) }
    }
}
