import Access
import Database
import Domain
import Foundation
import Repositories

extension ImportService {
    /// A pilot-production request row, keyed by its title among its enterprise's pilot runs at
    /// the center, written by ``writeRequest(_:organization:title:stored:keyColumn:center:details:on:as:)``;
    /// the fields the file does not hold are kept.
    func importPilotRun(
        _ row: ImportRow, center centerId: UUID, on connection: Connection, as caller: Principal
    ) throws -> ImportOutcome {
        let enterprise = try organization(row, column: "organization", schoolsOnly: false, on: connection, as: caller)
        let title = try row.required("title")
        var lineId: UUID?
        if !row["line"].isEmpty {
            guard let line = try ResourceRepository().find(named: row["line"], centerId: centerId, on: connection),
                line.kind == .equipmentLine
            else {
                throw ImportRowFailure(
                    column: "line", rule: "exists", message: "The center has no equipment line named \(row["line"]).")
            }
            lineId = line.id
        }
        let capability = row["capability"].isEmpty ? nil : row["capability"]
        let days = try row.number("days") ?? 0
        let (earliest, latest) = (try row.date("earliest_start"), try row.date("latest_start"))
        let (before, after) = (try row.number("changeover_before_minutes"), try row.number("changeover_after_minutes"))
        let stored = try storedRequests(.pilotProduction, of: enterprise, center: centerId, on: connection) {
            $0.title == title
        }
        return try writeRequest(
            row, organization: enterprise, title: title, stored: stored, keyColumn: "title", center: centerId,
            details: { stored in
                var details = PilotProductionDetails(days: days, earliestStart: earliest, latestStart: latest)
                if case .pilotProduction(let kept) = stored { details = kept }
                (details.resourceId, details.capability, details.days) = (lineId, capability, days)
                (details.earliestStart, details.latestStart) = (earliest, latest)
                (details.changeoverBeforeMinutes, details.changeoverAfterMinutes) = (before, after)
                return .pilotProduction(details)
            }, on: connection, as: caller)
    }
}
