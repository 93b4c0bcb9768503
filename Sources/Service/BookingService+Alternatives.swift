public import Access
import Database
import Dates
public import Domain
public import Foundation
import Repositories

extension BookingService {
    /// How many alternatives of each kind a clash offers, and how far later ones are looked for.
    static let alternativesOfEachKind = 3
    private static let laterHorizon: TimeInterval = 7 * 86_400
    private static let mostTrials = 60

    /// The nearest free alternatives to a booking that clashed (see ``BookingAlternative``): the
    /// same resources later, on the slot grid, inside the calendar; equivalent resources at the
    /// same time. Each candidate is written in a savepoint and rolled back, in a transaction that
    /// is rolled back whole: nothing is kept. `excluded` is a booking being moved, whose own time
    /// is freed for the search.
    /// - Throws: ``ServiceError``: `.forbidden` or `.notFound` as booking it would.
    public func alternatives(
        to input: NewBooking, in centerId: UUID, except excluded: Booking? = nil, as caller: Principal
    ) async throws -> [BookingAlternative] {
        try Policy(caller).authorize(
            .create, .work(Work(centerId: centerId, organizationId: input.organizationId, category: input.category)),
            entity: "booking")
        do {
            try await database.withTransaction { (connection: Connection) throws -> Void in
                if let excluded {
                    _ = try self.bookings.cancel(id: excluded.id, version: excluded.version, on: connection)
                }
                let input = try self.resolvingPeriods(input, in: centerId, on: connection)
                throw AlternativesFound(list: try self.search(input, in: centerId, on: connection))
            }
        } catch let found as AlternativesFound {
            return found.list
        }
        return []
    }

    /// Both kinds of alternative, later ones first.
    private func search(
        _ input: NewBooking, in centerId: UUID, on connection: Connection
    ) throws
        -> [BookingAlternative]
    {
        guard let center = try centers.find(id: centerId, on: connection) else {
            throw ServiceError.notFound(entity: "center")
        }
        var trials = 0
        func free(_ start: Date, _ end: Date, _ uses: [Booking.Use]) throws -> Bool {
            guard trials < Self.mostTrials else { return false }
            trials += 1
            var candidate = input
            (candidate.start, candidate.end, candidate.resources) = (start, end, uses)
            return try isFree(
                BookingRepository.confirmed(candidate, title: input.title, centerId: centerId), on: connection)
        }
        var found: [BookingAlternative] = []
        let calendar = try calendars.termCalendar(
            centerId: centerId, from: CalendarDate(utcDayOf: input.start).adding(days: -1),
            to: CalendarDate(utcDayOf: input.end.addingTimeInterval(Self.laterHorizon)).adding(days: 1), on: connection)
        let (step, length) = (TimeInterval(center.slotMinutes * 60), input.end.timeIntervalSince(input.start))
        var start = input.start.addingTimeInterval(step)
        while found.count < Self.alternativesOfEachKind, start < input.start.addingTimeInterval(Self.laterHorizon) {
            let end = start.addingTimeInterval(length)
            let open =
                (try? calendar.check(start: start, end: end, category: input.category, timeZone: center.zone)) != nil
            if open, try free(start, end, input.resources) {
                found.append(
                    BookingAlternative(
                        kind: .later, start: start, end: end, resourceIds: input.resources.map(\.resourceId)))
                start = end
            } else {
                start = start.addingTimeInterval(step)
            }
            if trials >= Self.mostTrials { break }
        }
        guard input.resources.count == 1, let use = input.resources.first else { return found }
        var equivalent = 0
        for resource in try equivalents(
            of: use.resourceId, seats: input.participants ?? 0, in: centerId, on: connection)
        where equivalent < Self.alternativesOfEachKind {
            let uses = [Booking.Use(resourceId: resource.id, stations: use.stations)]
            guard try free(input.start, input.end, uses) else { continue }
            found.append(
                BookingAlternative(kind: .equivalent, start: input.start, end: input.end, resourceIds: [resource.id]))
            equivalent += 1
        }
        return found
    }

    /// Active resources of the center of the same kind as `resourceId`, with at least its
    /// capabilities and `seats` seats, by name.
    private func equivalents(
        of resourceId: UUID, seats: Int, in centerId: UUID, on connection: Connection
    ) throws
        -> [Resource]
    {
        guard let original = try resources.find(id: resourceId, on: connection) else { return [] }
        return try resources.list(centerId: centerId, limit: 500, offset: 0, on: connection).filter {
            $0.id != original.id && $0.status == .active && $0.kind == original.kind && $0.seats >= seats
                && Set(original.capabilities).isSubset(of: $0.capabilities)
        }.sorted { $0.name < $1.name }
    }

    /// Whether the booking could be written now: written in a savepoint, then rolled back.
    private func isFree(_ booking: Booking, on connection: Connection) throws -> Bool {
        do {
            try connection.withSavepoint { connection in
                try connection.run(bookings.insertion(of: booking))
                throw AlternativesFound(list: [])
            }
        } catch is AlternativesFound {
            return true
        } catch let error as DatabaseError where BookingRefusal(error) != nil {
            return false
        }
        return false
    }
}

/// Ends the alternatives' transaction without writing (and a trial's savepoint), carrying what it found.
private struct AlternativesFound: Error {
    let list: [BookingAlternative]
}
