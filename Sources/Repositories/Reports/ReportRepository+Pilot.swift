public import Database
public import Domain
public import Foundation

extension ReportRepository {
    /// Pilot production per enterprise: the days (local dates) its pilot sessions not recorded as
    /// "did not take place" start on, those sessions and their hours; and the total.
    public func pilot(centerId: UUID, filter: ReportFilter, on connection: Connection) throws -> [ReportSection] {
        var only = filter
        only.category = .pilotProduction
        let period = try self.period(centerId: centerId, filter: only, on: connection)
        let enterprises = try rows(
            """
            WITH \(sessions(period))
            SELECT o.id::text AS key, o.name AS label, o.id AS organization_id,
                   count(DISTINCT s.local_start::date)::float8 AS days, count(*)::float8 AS sessions,
                   sum(s.hours)::float8 AS hours
            FROM sessions s JOIN organizations o ON o.id = s.organization_id
            WHERE s.not_held_reason IS NULL
            GROUP BY o.id, o.name ORDER BY o.name
            """, columns: ["days", "sessions", "hours"], on: connection)
        return [
            ReportSection(
                key: "enterprises", columns: ["days", "sessions", "hours"],
                rows: enterprises + [Self.sum(enterprises, width: 3)])
        ]
    }
}
