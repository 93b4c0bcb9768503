import Access
import Dates
import Domain

extension Form {
    /// The date in field `name`, `YYYY-MM-DD`.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `field` when it is not a date.
    func date(_ name: String, field: String) throws -> CalendarDate {
        do { return try Validate.date(text(name), field: field) } catch { throw ServiceError.invalid(error) }
    }

    /// An instructor form's weekly availability: the same `from`–`to` on each weekday ticked in `weekdays`.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `availability/N/from|to` when a time does not parse.
    func weeklyAvailability() throws -> [Instructor.Availability] {
        try all("weekdays").compactMap(Int.init).enumerated().map { index, weekday in
            Instructor.Availability(
                weekday: weekday, from: try time("from", field: "availability/\(index)/from"),
                to: try time("to", field: "availability/\(index)/to"))
        }
    }

    /// The local time in field `name`, `HH:MM`.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `field` when it is not a time.
    func time(_ name: String, field: String) throws -> ClockTime {
        do { return try Validate.time(text(name), field: field) } catch { throw ServiceError.invalid(error) }
    }
}
