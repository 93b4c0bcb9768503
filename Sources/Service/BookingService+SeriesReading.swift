public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension BookingService {
    /// The bookings of a series, cancelled ones included, as the caller may read them.
    /// - Throws: `.notFound` when there is no such series or the caller may not know of it.
    public func series(_ seriesId: UUID, as caller: Principal) async throws -> [ShownBooking] {
        let bookings = bookings
        return try await database.reading { connection in
            let found = try bookings.series(seriesId, on: connection)
            guard let first = found.first else { throw ServiceError.notFound(entity: "booking series") }
            try Policy(caller).authorize(.read, .work(Work(first)), entity: "booking series")
            return try BookingDisclosure(caller).show(found, on: connection)
        }
    }

    /// Cancels the rest of a series: its confirmed bookings that have not started, each with its
    /// audit row and notice, all in one transaction.
    /// - Parameter reason: why, required, kept in every audit row.
    /// - Returns: the bookings cancelled (none when nothing of the series is left to come).
    /// - Throws: `.notFound`, `.forbidden`, `.invalid` (`reason`).
    public func cancelSeries(_ seriesId: UUID, reason: String, as caller: Principal) async throws -> [Booking] {
        let why: String
        do throws(DomainError) { why = try Validate.name(reason, field: "reason") } catch {
            throw ServiceError.invalid(error)
        }
        let (bookings, now) = (bookings, now())
        return try await database.withTransaction { connection in
            guard let first = try bookings.series(seriesId, on: connection).first else {
                throw ServiceError.notFound(entity: "booking series")
            }
            try Policy(caller).authorize(.change, .work(Work(first)), entity: "booking series")
            return try bookings.lockSeries(seriesId, from: now, on: connection).compactMap { booking in
                try Self.cancel(booking, reason: why, by: caller.actor, on: connection)
            }
        }
    }
}
