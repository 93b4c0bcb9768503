public import Database
public import Domain
import Foundation

extension BookingRepository {
    /// Moves a confirmed booking read at `version` to `moved`'s time, resources, title and
    /// participants: one statement (`move_booking`, `sql/0032_booking_series.sql`), which checks
    /// again under its locks what `insert_booking` checks and throws what it throws.
    /// Its answer is the new version, `nil` when the booking was no longer confirmed at `version`.
    public func moving(_ moved: Booking, from version: Int) -> Query<Int?> {
        let during = TimeRange(lower: moved.start, upper: moved.end)!
        let resourceIds = moved.resources.map { $0.resourceId.uuidString.lowercased() }
        let stations = moved.resources.map { String($0.stations ?? 0) }
        return Query(
            """
            SELECT move_booking(\(moved.id), \(version)::int4, \(moved.title), \(during), \(moved.participants)::int4,
                                \(resourceIds)::uuid[], \(stations)::int4[])::int8 AS version
            """
        ) { rows in try rows.first?.decode("version", as: Int?.self) ?? nil }
    }
}
