public import Database
public import Dates
public import Domain
public import Foundation

extension ReportRepository {
    /// Booked resource-hours per ISO week (its Monday, local) and category: the figures of the
    /// category-shares report (each session's hours once per resource it holds), summed per day first
    /// (a few hundred rows) and then per week.
    public func categoryHours(
        centerId: UUID, filter: ReportFilter, on connection: Connection
    ) throws
        -> [(week: CalendarDate, category: Domain.Category, hours: Double)]
    {
        let period = try self.period(centerId: centerId, filter: filter, on: connection)
        return try connection.query(
            """
            WITH \(sessions(period)), days AS (
                SELECT s.local_start::date AS day, s.category, sum(s.booked * cardinality(s.resource_ids)) AS hours
                FROM sessions s GROUP BY 1, 2
            )
            SELECT date_trunc('week', day::timestamp)::date AS week, category::text AS category, sum(hours)::float8 AS hours
            FROM days GROUP BY 1, 2 ORDER BY 1, 2
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
