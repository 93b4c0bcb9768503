import Access
import Database
import Domain
import Foundation
import Repositories

extension ImportService {
    /// A class row, keyed by its name in its school (the `school` cell, or the caller's own
    /// school when empty): added or changed through the cohort use cases, so only the school's
    /// coordinators (and admins) may. The weeks that differ are kept: the file does not hold them.
    func importClass(_ row: ImportRow, on connection: Connection, as caller: Principal) throws -> ImportOutcome {
        let school = try organization(row, column: "school", schoolsOnly: true, on: connection, as: caller)
        let name = try row.required("name")
        let size = try row.number("size") ?? 0
        let times = try row.weeklyTimes("free_times").map {
            ClassAvailability.FreeTime(weekday: $0.0, from: $0.1, to: $0.2)
        }
        let travel = try row.number("travel_minutes") ?? 0
        let service = OrganizationService(database: database)
        guard let current = try PeopleRepository().cohort(named: name, organizationId: school, on: connection) else {
            let availability = ClassAvailability(freeAnyTime: times.isEmpty, freeTimes: times, travelMinutes: travel)
            _ = try service.addCohort(
                NewCohort(name: name, size: size, availability: availability), to: school, as: caller, on: connection)
            return .created
        }
        var availability = current.availability
        (availability.freeAnyTime, availability.freeTimes) = (times.isEmpty, times)
        availability.travelMinutes = travel
        let change = CohortChange(size: size, availability: availability)
        let wanted: Cohort
        do throws(DomainError) { wanted = try change.applied(to: current) } catch { throw ServiceError.invalid(error) }
        guard Self.normalised(wanted) != Self.normalised(current) else {
            // an unchanged row is still the caller's to write: the same answer as a changed one
            try Policy(caller).authorize(.change, .organization(school), entity: "cohort")
            return .unchanged
        }
        _ = try service.changeCohort(
            current.id, of: school, change, version: current.version, on: connection, as: caller)
        return .updated
    }

    /// The cohort with its free times in one order.
    private static func normalised(_ cohort: Cohort) -> Cohort {
        var sorted = cohort
        sorted.availability.freeTimes.sort { ($0.weekday, $0.from) < ($1.weekday, $1.from) }
        return sorted
    }
}
