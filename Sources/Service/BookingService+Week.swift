public import Access
import Database
public import Domain
public import Foundation
import Repositories

extension BookingService {
    /// What a center's timeline of `[from, to)` is drawn from, as the caller may see it, read on
    /// one connection.
    /// - Parameter years: the years whose public holidays and make-up days the span touches.
    /// - Throws: `.notFound` for an unknown center.
    public func week(
        of centerId: UUID, from: Date, to: Date, years: [Int], as caller: Principal
    ) async throws -> CenterWeek {
        let (centers, resources, bookings, calendars, people) = (centers, resources, bookings, calendars, people)
        return try await database.reading { connection in
            guard try centers.find(id: centerId, on: connection) != nil else {
                throw ServiceError.notFound(entity: "center")
            }
            let policy = Policy(caller)
            try policy.authorize(.read, .center(centerId), entity: "center")
            var found: [Booking] = []
            while true {
                let page = try bookings.list(
                    centerId: centerId, from: from, to: to, status: .confirmed, limit: 500, offset: found.count,
                    on: connection)
                found += page
                if page.count < 500 { break }
            }
            var week = CenterWeek(
                resources: try resources.list(centerId: centerId, limit: 500, offset: 0, on: connection).filter {
                    $0.status == .active
                },
                instructors: try people.instructors(
                    centerId: centerId, ids: policy.listableInstructors(at: centerId), limit: 500, offset: 0,
                    on: connection),
                bookings: try BookingDisclosure(caller).show(found, on: connection),
                maintenance: Dictionary(
                    grouping: try MaintenanceRepository().list(centerId: centerId, from: from, to: to, on: connection),
                    by: \.resourceId),
                openingHours: try calendars.openingHours(centerId: centerId, on: connection),
                closures: try calendars.closures(centerId: centerId, on: connection),
                calendarDays: try years.flatMap { try calendars.calendarDays(year: $0, on: connection) },
                changeovers: try PolicyRepository().policy(centerId: centerId, on: connection).changeovers)
            week.periods = try PeriodRepository().schedule(centerId: centerId, on: connection)
            return week
        }
    }
}
