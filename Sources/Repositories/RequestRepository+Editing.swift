public import Database
public import Domain
import Foundation

extension RequestRepository {
    /// Writes a request's title and details and bumps its version (the caller holds the row's
    /// lock and has checked the version and the state).
    /// - Returns: the request as stored.
    public func update(_ request: Request, on connection: Connection) throws -> Request {
        let rows = try connection.query(
            """
            UPDATE requests SET title = \(request.title), details = \(try JSONB(encoding: DetailsBox(request.details))),
                   first_date = \(request.details.plannedDates?.first), last_date = \(request.details.plannedDates?.last),
                   version = version + 1, updated_at = now()
            WHERE id = \(request.id) RETURNING \(Self.columns)
            """)
        return try Self.request(from: rows.first!)
    }
}
