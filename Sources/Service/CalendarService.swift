public import Access
public import Database
public import Domain
public import Foundation
import Repositories

/// A center's opening hours and closures, and the national holidays and make-up working days
/// a manager enters each year.
public struct CalendarService: Sendable {
    let database: Database
    let centers = CenterRepository()
    let calendar = CalendarRepository()
    let audit = AuditLog()

    public init(database: Database) {
        self.database = database
    }

    /// Replaces a center's weekly opening hours; returns them as stored.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers, `.invalid`.
    public func setOpeningHours(
        _ week: [OpeningHours], of centerId: UUID, as caller: Principal
    ) async throws -> [OpeningHours] {
        let (centers, calendar, audit) = (centers, calendar, audit)
        return try await database.withTransaction { connection in
            guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.change, .center(centerId), entity: "center")
            do throws(DomainError) { try OpeningHours.validate(week) } catch { throw ServiceError.invalid(error) }
            let before = try calendar.openingHours(centerId: centerId, on: connection)
            try calendar.replaceOpeningHours(week, centerId: centerId, on: connection)
            let after = try calendar.openingHours(centerId: centerId, on: connection)
            try audit.record(
                caller.actor, action: "replace", entity: "opening_hours", id: centerId.uuidString, before: before,
                after: after, on: connection)
            return after
        }
    }

    /// A center's opening hours.
    public func openingHours(of centerId: UUID, as caller: Principal) async throws -> [OpeningHours] {
        let (centers, calendar) = (centers, calendar)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try calendar.openingHours(centerId: centerId, on: connection)
        }
    }

    /// Closes a center for some days. Overlapping an existing closure is a conflict.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers, `.invalid`, `.conflict`.
    public func addClosure(_ closure: Closure, to centerId: UUID, as caller: Principal) async throws -> Closure {
        let (centers, calendar, audit) = (centers, calendar, audit)
        do {
            return try await database.withTransaction { connection in
                guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else {
                    throw ServiceError.notFound(entity: "center")
                }
                try Policy(caller).authorize(.change, .center(centerId), entity: "center")
                let reason: String
                do throws(DomainError) { reason = try closure.validated() } catch { throw ServiceError.invalid(error) }
                let added = try calendar.insertClosure(closure, reason: reason, centerId: centerId, on: connection)
                try audit.record(
                    caller.actor, action: "create", entity: "closure", id: added.id!.uuidString, before: nil,
                    after: added, on: connection)
                return added
            }
        } catch let error as DatabaseError where error.sqlState == .exclusionViolation {
            throw ServiceError.conflict("The center is already closed on some of those days.", rule: "closedAlready")
        }
    }

    /// Deletes a closure that has not ended: the center opens on those days again (from the next
    /// plan run on; the planner's bookings are not placed back by themselves). A past closure
    /// stays as the record of why the center was shut, and is refused.
    /// - Throws: `.notFound`, `.forbidden` for anyone but the center's managers, `.conflict` for
    ///   a closure whose last day is before today at the center.
    public func removeClosure(
        _ closureId: UUID, of centerId: UUID, now: Date = Date(), as caller: Principal
    )
        async throws
    {
        let (centers, calendar, audit) = (centers, calendar, audit)
        try await database.withTransaction { connection in
            guard let center = try centers.find(id: centerId, forUpdate: true, on: connection) else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.change, .center(centerId), entity: "center")
            guard let removed = try calendar.deleteClosure(id: closureId, centerId: centerId, on: connection) else {
                throw ServiceError.notFound(entity: "closure")
            }
            guard removed.to >= center.today(now: now) else {
                throw ServiceError.conflict(
                    "The closure \(removed.from)–\(removed.to) is over; a past closure stays as the record of why the center was shut.",
                    rule: "closureOver")
            }
            try audit.record(
                caller.actor, action: "delete", entity: "closure", id: closureId.uuidString, before: removed,
                after: Closure?.none, on: connection)
        }
    }

    /// A center's closures.
    public func closures(of centerId: UUID, as caller: Principal) async throws -> [Closure] {
        let (centers, calendar) = (centers, calendar)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            try Policy(caller).authorize(.read, .center(centerId), entity: "center")
            return try calendar.closures(centerId: centerId, on: connection)
        }
    }

    /// Replaces a year's public holidays and make-up working days (the State Council's list).
    /// - Throws: `.forbidden` for anyone but an admin, `.invalid`.
    public func setCalendarDays(_ days: [CalendarDay], year: Int, as caller: Principal) async throws -> [CalendarDay] {
        try Policy(caller).authorize(.change, .consortium, entity: "calendar")
        do {
            _ = try Validate.range(year, 2000...2100, field: "year")
            try CalendarDay.validate(days, year: year)
        } catch { throw ServiceError.invalid(error) }
        let (calendar, audit) = (calendar, audit)
        return try await database.withTransaction { connection in
            let before = try calendar.calendarDays(year: year, on: connection)
            try calendar.replaceCalendarDays(days, year: year, on: connection)
            let after = try calendar.calendarDays(year: year, on: connection)
            try audit.record(
                caller.actor, action: "replace", entity: "calendar_days", id: String(year), before: before,
                after: after,
                on: connection)
            return after
        }
    }

    /// A year's public holidays and make-up working days.
    public func calendarDays(year: Int, as caller: Principal) async throws -> [CalendarDay] {
        try Policy(caller).authorize(.read, .consortium, entity: "calendar")
        let calendar = calendar
        return try await database.withConnection { try calendar.calendarDays(year: year, on: $0) }
    }
}
