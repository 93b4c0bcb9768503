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

    public init(database: Database) {
        self.database = database
    }

    /// Replaces a center's weekly opening hours; returns them as stored.
    public func setOpeningHours(_ week: [OpeningHours], of centerId: UUID) async throws -> [OpeningHours] {
        do { try OpeningHours.validate(week) } catch { throw ServiceError.invalid(error) }
        let (centers, calendar) = (centers, calendar)
        return try await database.withTransaction { connection in
            guard try centers.find(id: centerId, forUpdate: true, on: connection) != nil else { throw ServiceError.notFound(entity: "center") }
            try calendar.replaceOpeningHours(week, centerId: centerId, on: connection)
            return try calendar.openingHours(centerId: centerId, on: connection)
        }
    }

    /// A center's opening hours.
    public func openingHours(of centerId: UUID) async throws -> [OpeningHours] {
        let (centers, calendar) = (centers, calendar)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else { throw ServiceError.notFound(entity: "center") }
            return try calendar.openingHours(centerId: centerId, on: connection)
        }
    }

    /// Closes a center for some days. Overlapping an existing closure is a conflict.
    public func addClosure(_ closure: Closure, to centerId: UUID) async throws -> Closure {
        let reason: String
        do { reason = try closure.validated() } catch { throw ServiceError.invalid(error) }
        let (centers, calendar) = (centers, calendar)
        do {
            try await database.withTransaction { connection in
                guard try centers.find(id: centerId, on: connection) != nil else { throw ServiceError.notFound(entity: "center") }
                try calendar.insertClosure(closure, reason: reason, centerId: centerId, on: connection)
            }
        } catch let error as DatabaseError where error.sqlState == .exclusionViolation {
            throw ServiceError.conflict("The center is already closed on some of those days.")
        }
        return Closure(from: closure.from, to: closure.to, reason: reason)
    }

    /// A center's closures.
    public func closures(of centerId: UUID) async throws -> [Closure] {
        let (centers, calendar) = (centers, calendar)
        return try await database.withConnection { connection in
            guard try centers.find(id: centerId, on: connection) != nil else { throw ServiceError.notFound(entity: "center") }
            return try calendar.closures(centerId: centerId, on: connection)
        }
    }

    /// Replaces a year's public holidays and make-up working days (the State Council's list).
    public func setCalendarDays(_ days: [CalendarDay], year: Int) async throws -> [CalendarDay] {
        do {
            _ = try Validate.range(year, 2000...2100, field: "year")
            try CalendarDay.validate(days, year: year)
        } catch { throw ServiceError.invalid(error) }
        let calendar = calendar
        return try await database.withTransaction { connection in
            try calendar.replaceCalendarDays(days, year: year, on: connection)
            return try calendar.calendarDays(year: year, on: connection)
        }
    }

    /// A year's public holidays and make-up working days.
    public func calendarDays(year: Int) async throws -> [CalendarDay] {
        let calendar = calendar
        return try await database.withConnection { try calendar.calendarDays(year: year, on: $0) }
    }
}
