public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension BookingService {
    /// A center's bookings overlapping `[from, to)`, as the caller may read them: in full where
    /// its audience allows, else as occupied blocks covering their changeover buffers.
    /// - Throws: `.notFound` for an unknown center.
    public func bookings(
        in centerId: UUID, from: Date, to: Date, status: BookingStatus?, page: Page, as caller: Principal
    ) async throws -> [ShownBooking] {
        let (centers, bookings) = (centers, bookings)
        return try await database.reading { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            let found = try bookings.list(
                centerId: centerId, from: from, to: to, status: status, limit: page.limit, offset: page.offset,
                on: connection)
            return try BookingDisclosure(caller).show(found, on: connection)
        }
    }

    /// The booking, when the caller may read it.
    /// - Throws: `.notFound` when there is none or the caller may not know of it.
    public func booking(_ id: UUID, as caller: Principal) async throws -> Booking {
        let bookings = bookings
        return try await database.reading { connection in
            guard let booking = try bookings.find(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "booking")
            }
            try Policy(caller).authorize(.read, .work(Work(booking)), entity: "booking")
            return booking
        }
    }

    /// The booking as the caller may see it (in full, or an occupied block to a reader of its
    /// center who may not read more; whether the caller may change it) and its center.
    /// - Throws: `.notFound` when there is none or the caller may not read its center.
    public func shown(_ id: UUID, as caller: Principal) async throws -> (booking: ShownBooking, center: Center) {
        let (bookings, centers) = (bookings, centers)
        return try await database.reading { connection in
            guard let booking = try bookings.find(id: id, on: connection),
                let center = try centers.find(id: booking.centerId, on: connection)
            else { throw ServiceError.notFound(entity: "booking") }
            try Policy(caller).authorize(.read, .center(booking.centerId), entity: "booking")
            return (try BookingDisclosure(caller).show([booking], on: connection)[0], center)
        }
    }

    /// Cancels a confirmed booking at the version the caller last saw, with the reason its
    /// audit row keeps.
    /// - Throws: `.notFound` (also for a booking the caller may not know of), `.forbidden`,
    ///   `.staleVersion` when the booking changed since `version`, `.conflict` when it is
    ///   already cancelled, `.invalid` (`reason`) for a reason that is not a short text.
    public func cancel(_ id: UUID, version: Int, reason: String? = nil, as caller: Principal) async throws -> Booking {
        let bookings = bookings
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        if let reason {
            do throws(DomainError) { _ = try Validate.name(reason, field: "reason") } catch {
                throw ServiceError.invalid(error)
            }
        }
        return try await database.withTransaction { connection in
            guard let booking = try bookings.lock(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "booking")
            }
            try Policy(caller).authorize(.change, .work(Work(booking)), entity: "booking")
            guard booking.version == version else { throw ServiceError.staleVersion(current: booking.version) }
            guard booking.status == .confirmed,
                let cancelled = try Self.cancel(booking, reason: reason, by: caller.actor, on: connection)
            else {
                throw ServiceError.conflict("The booking is already \(booking.status.rawValue).", rule: "bookingStatus")
            }
            return cancelled
        }
    }
}
