public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension BookingService {
    /// An organization's sessions a published plan moved to a make-up, newest first: for its own
    /// people and the centers' managers (docs/planner.md "Displacement and make-up").
    /// - Throws: `.forbidden` for anyone else.
    public func displacements(
        organizationId: UUID, limit: Int = 100, as caller: Principal
    ) async throws -> [BookingDisplacement] {
        try await database.reading { connection in
            try Policy(caller).authorize(.read, .organization(organizationId), entity: "organization")
            return try DisplacementRepository().forOrganization(organizationId, limit: limit, on: connection)
        }
    }

    /// The displacements of a booking the caller may read, oldest first.
    /// - Throws: `.notFound` when there is none or the caller may not know of it.
    public func displacements(bookingId: UUID, as caller: Principal) async throws -> [BookingDisplacement] {
        let bookings = bookings
        return try await database.reading { connection in
            guard let booking = try bookings.find(id: bookingId, on: connection) else {
                throw ServiceError.notFound(entity: "booking")
            }
            try Policy(caller).authorize(.read, .work(Work(booking)), entity: "booking")
            return try DisplacementRepository().forBooking(bookingId, on: connection)
        }
    }
}
