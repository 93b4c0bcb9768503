import Access
import Dates
import Domain

extension Form {
    /// The date in field `name`, `YYYY-MM-DD`.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `field` when it is not a date.
    func date(_ name: String, field: String) throws -> CalendarDate {
        do { return try Validate.date(text(name), field: field) } catch { throw ServiceError.invalid(error) }
    }

    /// The local time in field `name`, `HH:MM`.
    /// - Throws: ``ServiceError/invalid(_:)`` naming `field` when it is not a time.
    func time(_ name: String, field: String) throws -> ClockTime {
        do { return try Validate.time(text(name), field: field) } catch { throw ServiceError.invalid(error) }
    }
}
