public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension CalendarService {
    /// The center's bell periods (节次); version 0 and no sets until first written.
    /// - Throws: `.notFound` for an unknown center or one the caller may not read.
    public func periods(of centerId: UUID, as caller: Principal) async throws -> PeriodSchedule {
        let centers = centers
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try PeriodRepository().schedule(centerId: centerId, on: connection)
        }
    }

    /// Replaces the center's periods at the version the caller read (no sets: the center has none).
    /// Bookings already made keep their times; plans from now on follow the new periods.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers, `.invalid` naming
    ///   the field and rule (overlap, afterStart, unique, order, openingHours …), `.staleVersion`.
    public func replacePeriods(
        _ schedule: PeriodSchedule, of centerId: UUID, version: Int, as caller: Principal
    ) async throws -> PeriodSchedule {
        let (centers, calendar, audit, periods) = (centers, calendar, audit, PeriodRepository())
        return try await database.withTransaction { connection in
            guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.change, .center(centerId), entity: "center")
            let hours = try calendar.openingHours(centerId: centerId, on: connection)
            let valid: PeriodSchedule
            do throws(DomainError) { valid = try schedule.validated(openingHours: hours) } catch {
                throw ServiceError.invalid(error)
            }
            let current = try periods.schedule(centerId: centerId, on: connection)
            guard current.version == version else { throw ServiceError.staleVersion(current: current.version ?? 0) }
            let replaced = try periods.replace(valid, centerId: centerId, on: connection)
            try audit.record(
                caller.actor, action: "replace", entity: "center_periods", id: centerId.uuidString, before: current,
                after: replaced, on: connection)
            return replaced
        }
    }
}
