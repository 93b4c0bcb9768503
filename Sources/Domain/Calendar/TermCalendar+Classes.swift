import Dates
public import Foundation

extension TermCalendar {
    /// Checks that every class a booking names is free for it: travel there and back included, the
    /// whole of it inside one free span of the day (see ``ClassAvailability/allows(_:on:weekday:)``).
    /// - Parameters:
    ///   - classes: the booking's `cohortIds`, in order, with the cohorts read (`nil` for one not found).
    ///   - timeZone: the center's, in which dates and free times are local.
    /// - Throws: ``DomainError`` naming `cohortIds/i`, rule `classFreeTime`.
    public func checkClasses(
        _ classes: [Cohort?], start: Date, end: Date, timeZone: TimeZone
    ) throws(DomainError) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let first = Self.localDay(of: start, in: calendar)
        let last = Self.localDay(of: end.addingTimeInterval(-1), in: calendar)
        let weekday = timetableWeekday(on: first.date) ?? first.date.isoWeekday
        for (index, cohort) in classes.enumerated() {
            guard let cohort, cohort.availability.isRestricted else { continue }
            let availability = cohort.availability
            guard first.date == last.date,
                availability.allows(first.minutes..<(last.minutes + 1), on: first.date, weekday: weekday)
            else {
                let free = availability.sentence(weekOf: first.date.monday)?.en ?? "is free only in the weeks listed"
                let travel =
                    availability.travelMinutes > 0
                    ? " (with \(availability.travelMinutes) minutes' travel each way)" : ""
                throw DomainError(
                    field: "cohortIds/\(index)", rule: "classFreeTime",
                    message: "The booking lies outside the free times of class \(cohort.name)\(travel): it \(free).")
            }
        }
    }
}
