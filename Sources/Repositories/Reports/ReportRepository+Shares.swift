public import Database
public import Dates
public import Domain
public import Foundation

extension ReportRepository {
    /// Booked resource-hours per ISO week (its Monday, local) and category: the figures of the
    /// category-shares report (each session's hours once per resource it holds).
    public func categoryHours(
        centerId: UUID, filter: ReportFilter, on connection: Connection
    ) throws
        -> [(week: CalendarDate, category: Domain.Category, hours: Double)]
    {
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        return try connection.query(
            """
            WITH \(sessions(period))
            SELECT date_trunc('week', s.local_start)::date AS week, s.category::text AS category,
                   sum(s.booked)::float8 AS hours
            FROM sessions s CROSS JOIN unnest(s.resource_ids) AS br (resource_id)
            GROUP BY 1, 2 ORDER BY 1, 2
            """
        ).map { row in
            (
                week: try row.decode("week", as: CalendarDate.self),
                category: try row.decode("category", as: Domain.Category.self),
                hours: try row.decode("hours", as: Double.self)
            )
        }
    }
}
