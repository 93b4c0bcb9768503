public import Database
public import Dates
public import Domain
public import Foundation

extension RequestRepository {
    /// A center's requests in `states` whose planned dates meet `first`…`last` (the columns
    /// sql/0043 keeps from ``RequestDetails/plannedDates``; an open end meets every later horizon),
    /// oldest first.
    public func meeting(
        centerId: UUID, first: CalendarDate, last: CalendarDate, states: Set<RequestState>, on connection: Connection
    ) throws -> [Request] {
        try connection.query(
            """
            SELECT \(Self.columns) FROM requests
            WHERE center_id = \(centerId) AND state::text = ANY(\(states.map(\.rawValue))::text[])
              AND first_date <= \(last) AND (last_date IS NULL OR last_date >= \(first))
            ORDER BY created_at, id
            """
        ).map(Self.request(from:))
    }

    /// A center's requests in `states` that have one of `ids`, or that are seats in one of the
    /// courses `courseIds`, oldest first.
    public func withIds(
        _ ids: [UUID], orSeatsIn courseIds: [UUID] = [], centerId: UUID, states: Set<RequestState>,
        on connection: Connection
    ) throws -> [Request] {
        let (ids, courseIds) = (
            ids.map(\.uuidString).map { $0.lowercased() }, courseIds.map(\.uuidString).map { $0.lowercased() }
        )
        return try connection.query(
            """
            SELECT \(Self.columns) FROM requests
            WHERE center_id = \(centerId) AND state::text = ANY(\(states.map(\.rawValue))::text[])
              AND (id = ANY(\(ids)::uuid[])
                   OR (category = 'shared_employee'
                       AND lower(details ->> 'courseRequestId') = ANY(\(courseIds)::text[])))
            ORDER BY created_at, id
            """
        ).map(Self.request(from:))
    }
}
