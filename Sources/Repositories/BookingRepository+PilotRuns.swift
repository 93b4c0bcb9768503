public import Database
public import Domain
public import Foundation

extension BookingRepository {
    /// `check_pilot_runs` (see `sql/0038_pilot_runs.sql`): refuses bookings just written that break
    /// a pilot run's changeover or exclusive hall (SQLSTATE PXP01), after a per-center lock.
    public func checkPilotRuns(bookingIds: [UUID]) -> Query<Void> {
        let ids = bookingIds.map { $0.uuidString.lowercased() }
        return Query("SELECT check_pilot_runs(\(ids)::uuid[])")
    }

    /// The bookings a `check_pilot_runs` refusal names (the run and the booking in its way) that
    /// still exist once the refused write is undone: the ones that stood in the way.
    public func pilotRunClash(_ error: DatabaseError, on connection: Connection) throws -> [Booking] {
        let ids = (error.detail ?? "").split(separator: " ").dropFirst().compactMap { UUID(uuidString: String($0)) }
        guard !ids.isEmpty else { return [] }
        let texts = ids.map { $0.uuidString.lowercased() }
        return try list(where: "b.id = ANY(\(texts)::uuid[])", limit: 2, offset: 0, on: connection)
    }
}

extension SQLState {
    /// `check_pilot_runs`: a booking breaks a pilot run's changeover or exclusive hall; the detail is
    /// the rule (`changeover` or `exclusiveHall`), the run's booking and the other booking.
    public static let pilotRunGuard = SQLState(rawValue: "PXP01")
}
