public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension BookingService {
    /// Moves or edits a confirmed booking at the version the caller last read: its time,
    /// resources, title and participants, checked as a new booking is (calendar, rules for people,
    /// clashes, containment, maintenance), written with its audit row in one transaction. A
    /// booking of a request (a planned session) is moved by the center's managers only. When the
    /// caller is not of the booking's organization, that organization is told (`bookingDisplaced`).
    /// - Throws: ``ServiceError``: `.notFound` (also for a booking the caller may not know of),
    ///   `.forbidden`, `.staleVersion`, `.conflict` when it is cancelled, `.invalid` naming the
    ///   field (`reason` required), `.clash` with the bookings in the way.
    public func move(_ id: UUID, _ change: BookingChange, version: Int, as caller: Principal) async throws -> Booking {
        let reason: String
        do throws(DomainError) { reason = try Validate.name(change.reason, field: "reason") } catch {
            throw ServiceError.invalid(error)
        }
        let bookings = bookings
        return try await database.withTransaction { connection in
            guard let booking = try bookings.lock(id: id, on: connection) else {
                throw ServiceError.notFound(entity: "booking")
            }
            try Policy(caller).authorize(.change, .work(Work(booking)), entity: "booking")
            if booking.requestId != nil {
                try Policy(caller).authorize(.change, .plans(centerId: booking.centerId), entity: "booking")
            }
            guard booking.version == version else { throw ServiceError.staleVersion(current: booking.version) }
            guard booking.status == .confirmed else {
                throw ServiceError.conflict(
                    "The booking is \(booking.status.rawValue); only a confirmed one moves.", rule: "bookingStatus")
            }
            let input = change.applied(to: booking)
            var moved = try self.checked(
                input, in: booking.centerId, as: caller, moving: booking.id, on: connection)
            (moved.id, moved.seriesId, moved.version) = (booking.id, booking.seriesId, booking.version + 1)
            try self.write(moved, from: booking, reason: reason, as: caller, on: connection)
            return moved
        }
    }

    /// The move's statement, its audit row and (for a booking of another organization) its notice,
    /// in a savepoint: a refusal leaves the transaction able to read what stood in the way.
    private func write(
        _ moved: Booking, from booking: Booking, reason: String, as caller: Principal, on connection: Connection
    ) throws {
        let audit = try AuditLog().entry(
            caller.actor, action: "move", entity: "booking", id: booking.id.uuidString,
            before: ReasonedBooking(booking: booking, reason: nil),
            after: ReasonedBooking(booking: moved, reason: reason))
        do {
            let version = try connection.withSavepoint { connection in
                try connection.pipeline(
                    bookings.moving(moved, from: booking.version), QuotaRepository().check(bookingIds: [moved.id]),
                    bookings.checkPilotRuns(bookingIds: [moved.id]), audit
                ).0
            }
            guard version == moved.version else {
                throw ServiceError.staleVersion(current: booking.version)
            }
        } catch let error as DatabaseError {
            if let quota = try Self.quotaRefusal(error, at: moved.start, on: connection) { throw quota }
            guard let refusal = BookingRefusal(error) else { throw error }
            let input = BookingChange(reason: reason).applied(to: moved)
            throw try Self.refusal(
                refusal, error, of: input, in: moved.centerId, as: caller, on: connection, except: moved.id)
        }
        guard caller.organizationId != booking.organizationId,
            let center = try centers.find(id: booking.centerId, on: connection)
        else { return }
        try NoticeRepository().write(
            .bookingDisplaced(
                from: booking, to: moved, reason: LocalizedText(en: reason, zh: reason), timeZone: center.zone),
            on: connection)
    }
}
