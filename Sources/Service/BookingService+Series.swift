public import Access
import Database
import Dates
public import Domain
public import Foundation
import Repositories

extension BookingService {
    /// Books a weekly series, or previews it: every occurrence is checked as a booking of its own
    /// and written in a savepoint of one transaction; a day the center is closed is skipped. A
    /// preview, and a series with a clash when ``SeriesClashChoice/allOrNone`` was chosen, are rolled
    /// back whole, so a preview shows exactly what confirming it at that moment would do.
    /// Confirming checks everything again: a booking made since the preview is seen.
    /// - Throws: ``ServiceError``: as ``book(_:in:as:)`` for the first occurrence's fields (under
    ///   `booking/`), `.invalid` for `weeks` or `until`; `.clash` when confirming with
    ///   ``SeriesClashChoice/allOrNone`` and an occurrence clashes (nothing is written).
    public func bookSeries(
        _ input: NewBookingSeries, in centerId: UUID, as caller: Principal
    ) async throws
        -> SeriesOutcome
    {
        let first = input.booking
        try Policy(caller).authorize(
            .create, .work(Work(centerId: centerId, organizationId: first.organizationId, category: first.category)),
            entity: "booking")
        do throws(DomainError) { try input.checkRecurrence() } catch { throw ServiceError.invalid(error) }
        let seriesId = UUID()
        do {
            return try await database.withTransaction { connection in
                let occurrences = try self.place(input, seriesId: seriesId, in: centerId, as: caller, on: connection)
                let outcome = SeriesOutcome(seriesId: seriesId, written: !input.preview, occurrences: occurrences)
                guard outcome.written, !(input.onClash == .allOrNone && outcome.hasClash) else {
                    throw SeriesRollback(occurrences: occurrences)
                }
                return outcome
            }
        } catch let rollback as SeriesRollback {
            let outcome = SeriesOutcome(seriesId: seriesId, written: false, occurrences: rollback.occurrences)
            guard input.preview else {
                let clashes = outcome.occurrences.filter { $0.outcome == .clash }
                throw ServiceError.clash(
                    "\(clashes.count) of \(outcome.occurrences.count) occurrences clash; nothing was booked.",
                    clashes.flatMap(\.inTheWay))
            }
            return outcome
        }
    }

    /// Checks and writes every occurrence of the series on the transaction's connection.
    private func place(
        _ input: NewBookingSeries, seriesId: UUID, in centerId: UUID, as caller: Principal, on connection: Connection
    ) throws -> [SeriesOccurrence] {
        var first: NewBooking
        let times: [(start: Date, end: Date)]
        do {
            first = try resolvingPeriods(input.booking, in: centerId, on: connection)
            first.periods = nil
            guard let center = try centers.find(id: centerId, on: connection) else {
                throw ServiceError.notFound(entity: "center")
            }
            var resolved = input
            resolved.booking = first
            do throws(DomainError) { times = try resolved.occurrences(timeZone: center.zone) } catch {
                throw ServiceError.invalid(error)
            }
        } catch ServiceError.invalid(let error) where !["weeks", "until"].contains(error.field) {
            throw Self.ofFirst(error)
        }
        var occurrences: [SeriesOccurrence] = []
        for (index, time) in times.enumerated() {
            var occurrence = first
            (occurrence.start, occurrence.end) = time
            do {
                let id = try book(occurrence, seriesId: seriesId, in: centerId, as: caller, on: connection)
                occurrences.append(SeriesOccurrence(start: time.start, end: time.end, outcome: .booked, bookingId: id))
            } catch ServiceError.invalid(let error) where Self.skipRules.contains(error.rule) {
                occurrences.append(
                    SeriesOccurrence(
                        start: time.start, end: time.end, outcome: .skipped, rule: error.rule, detail: error.message))
            } catch ServiceError.invalid(let error) where Self.dayRules.contains(error.rule) && index > 0 {
                occurrences.append(
                    SeriesOccurrence(
                        start: time.start, end: time.end, outcome: .clash, rule: error.rule, detail: error.message))
            } catch ServiceError.invalid(let error) {
                throw Self.ofFirst(error)
            } catch ServiceError.quotaExceeded(let use) {
                occurrences.append(
                    SeriesOccurrence(
                        start: time.start, end: time.end, outcome: .clash, rule: "quota", detail: use.sentence))
            } catch ServiceError.clash(let detail, let inTheWay) {
                occurrences.append(
                    SeriesOccurrence(
                        start: time.start, end: time.end, outcome: .clash, rule: "clash", detail: detail,
                        inTheWay: inTheWay))
            }
        }
        return occurrences
    }

    /// Writes one occurrence in a savepoint, so that its refusal leaves the others standing.
    /// - Returns: the booking's id.
    private func book(
        _ input: NewBooking, seriesId: UUID, in centerId: UUID, as caller: Principal, on connection: Connection
    ) throws -> UUID {
        var booking = try checked(input, in: centerId, as: caller, on: connection)
        booking.seriesId = seriesId
        do {
            _ = try connection.withSavepoint { connection in
                try connection.pipeline(
                    bookings.insertion(of: booking), bookings.linking(booking.id, toSeries: seriesId),
                    QuotaRepository().check(bookingIds: [booking.id]),
                    bookings.checkPilotRuns(bookingIds: [booking.id]), try Self.audit(booking, by: caller))
            }
        } catch let error as DatabaseError {
            if let quota = try Self.quotaRefusal(error, at: input.start, on: connection) { throw quota }
            guard let refusal = BookingRefusal(error) else { throw error }
            throw try Self.refusal(refusal, error, of: input, in: centerId, as: caller, on: connection)
        }
        return booking.id
    }

    /// The rules of a day the center is closed: the occurrence is skipped, whatever the choice.
    private static let skipRules: Set<String> = ["centerClosed"]
    /// The rules of one day's circumstances: for a later occurrence, a clash rather than a bad input.
    private static let dayRules: Set<String> = [
        "openingHours", "onLeave", "classFreeTime", "weeklyCap", "instructorSkills",
    ]

    /// A bad field of the first occurrence, named where the series' JSON holds it.
    private static func ofFirst(_ error: DomainError) -> ServiceError {
        .invalid(DomainError(field: "booking/" + error.field, rule: error.rule, message: error.message))
    }
}

/// Ends a series' transaction without writing, carrying what it found.
private struct SeriesRollback: Error {
    let occurrences: [SeriesOccurrence]
}
