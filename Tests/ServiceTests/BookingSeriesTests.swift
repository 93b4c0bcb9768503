import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// Weekly series of direct bookings against a real PostgreSQL: each occurrence checked, closed
/// days skipped, a preview that is what confirming does, all-or-none or skip-clashes.
@Suite("Recurring direct bookings")
struct BookingSeriesTests {
    /// Four Monday mornings on the lathe from 2026-03-02, the second (03-09) closed, the third
    /// (03-16) taken by another booking.
    struct Scene {
        let center: CenterFixture
        let manager: Principal
        let service: BookingService
        let taken: Booking

        init(_ db: Database) async throws {
            center = try await CenterFixture(db)
            manager = try await center.manager()
            service = BookingService(database: db, now: TestClock.term)
            _ = try await CalendarService(database: db).addClosure(
                Closure(from: "2026-03-09", to: "2026-03-09", reason: "设备年检"), to: center.center.id, as: .system)
            taken = try await service.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 9, to: 11).shifted(days: 14),
                in: center.center.id, as: manager)
        }

        func series(preview: Bool, onClash: SeriesClashChoice = .allOrNone, weeks: Int = 4) -> NewBookingSeries {
            NewBookingSeries(
                booking: center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10), weeks: weeks,
                preview: preview, onClash: onClash)
        }

        /// The series' confirmed bookings as stored.
        func stored(_ seriesId: UUID) async throws -> [Booking] {
            try await service.series(seriesId, as: manager).compactMap(\.details).filter { $0.status == .confirmed }
        }
    }

    @Test("a preview lists every week: booked, skipped on a closed day, the clash with what is in the way")
    func preview() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await Scene(db)
            let outcome = try await scene.service.bookSeries(
                scene.series(preview: true), in: scene.center.center.id, as: scene.manager)
            #expect(!outcome.written)
            #expect(outcome.occurrences.map(\.outcome) == [.booked, .skipped, .clash, .booked])
            #expect(outcome.occurrences.map(\.start) == [0, 7, 14, 21].map { CenterFixture.time(8).shifted(days: $0) })
            #expect(outcome.occurrences[1].rule == "centerClosed")
            #expect(outcome.occurrences[2].inTheWay.map(\.details?.id) == [scene.taken.id])
            await #expect(throws: ServiceError.notFound(entity: "booking series")) {
                try await scene.service.series(outcome.seriesId, as: scene.manager)
            }
        }
    }

    @Test("skipping clashes books what the preview showed as booked, linked as one series, each audited")
    func skipClashes() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await Scene(db)
            let preview = try await scene.service.bookSeries(
                scene.series(preview: true, onClash: .skip), in: scene.center.center.id, as: scene.manager)
            let outcome = try await scene.service.bookSeries(
                scene.series(preview: false, onClash: .skip), in: scene.center.center.id, as: scene.manager)
            #expect(outcome.written)
            #expect(outcome.occurrences.map(\.outcome) == preview.occurrences.map(\.outcome))
            #expect(outcome.occurrences.map(\.start) == preview.occurrences.map(\.start))
            let stored = try await scene.stored(outcome.seriesId)
            #expect(stored.map(\.id) == outcome.occurrences.compactMap(\.bookingId))
            #expect(stored.map(\.start) == [0, 21].map { CenterFixture.time(8).shifted(days: $0) })
            #expect(stored.allSatisfy { $0.seriesId == outcome.seriesId })
            let audited: Int = try await db.withConnection { connection in
                try connection.query(
                    "SELECT count(*)::int8 AS n FROM audit_log WHERE entity = 'booking' AND action = 'create' AND after ->> 'seriesId' = \(outcome.seriesId.uuidString)"
                ).first!.decode("n")
            }
            #expect(audited == 2)
        }
    }

    @Test("all or none with one clash writes nothing and answers the clash")
    func allOrNone() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await Scene(db)
            let error = await #expect(throws: ServiceError.self) {
                try await scene.service.bookSeries(
                    scene.series(preview: false), in: scene.center.center.id, as: scene.manager)
            }
            guard case .clash(_, let inTheWay) = error else {
                Issue.record("expected a clash, got \(String(describing: error))")
                return
            }
            #expect(inTheWay.map(\.details?.id) == [scene.taken.id])
            let count: Int = try await db.withConnection { connection in
                try connection.query(
                    "SELECT count(*)::int8 AS n FROM bookings WHERE series_id IS NOT NULL AND center_id = \(scene.center.center.id)"
                ).first!.decode("n")
            }
            #expect(count == 0)
        }
    }

    @Test("a booking made between preview and confirm is seen: confirming checks again")
    func concurrentClash() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await Scene(db)
            let preview = try await scene.service.bookSeries(
                scene.series(preview: true, onClash: .skip), in: scene.center.center.id, as: scene.manager)
            #expect(preview.occurrences[3].outcome == .booked)
            let meanwhile = try await scene.service.book(
                scene.center.booking([.init(resourceId: scene.center.workshop.id)], from: 9, to: 10).shifted(days: 21),
                in: scene.center.center.id, as: scene.manager)
            let outcome = try await scene.service.bookSeries(
                scene.series(preview: false, onClash: .skip), in: scene.center.center.id, as: scene.manager)
            #expect(outcome.occurrences.map(\.outcome) == [.booked, .skipped, .clash, .clash])
            #expect(outcome.occurrences[3].inTheWay.map(\.details?.id) == [meanwhile.id])
            #expect(try await scene.stored(outcome.seriesId).count == 1)
        }
    }

    @Test("the rest of a series is cancelled together, with the reason in every audit row")
    func cancelRest() async throws {
        try await TestDatabase.withPool { db in
            let scene = try await Scene(db)
            let outcome = try await scene.service.bookSeries(
                scene.series(preview: false, onClash: .skip), in: scene.center.center.id, as: scene.manager)
            let cancelled = try await scene.service.cancelSeries(
                outcome.seriesId, reason: "课程调整", as: scene.manager)
            #expect(Set(cancelled.map(\.id)) == Set(outcome.occurrences.compactMap(\.bookingId)))
            #expect(try await scene.stored(outcome.seriesId).isEmpty)
            let shown = try await scene.service.series(outcome.seriesId, as: scene.manager)
            #expect(shown.map(\.status) == [.cancelled, .cancelled])
            let error = await #expect(throws: ServiceError.self) {
                try await scene.service.cancelSeries(UUID(), reason: "x", as: scene.manager)
            }
            #expect(error == .notFound(entity: "booking series"))
        }
    }

    @Test(
        "a bad recurrence is refused naming the field and the rule",
        arguments: [
            (0 as Int?, nil as String?, "weeks", "range"),
            (53, nil, "weeks", "range"),
            (nil, nil, "weeks", "oneOf"),
            (4, "2026-04-01", "weeks", "oneOf"),
            (nil, "2026-03-01", "until", "afterStart"),
            (nil, "2027-06-01", "until", "range"),
        ])
    func badRecurrence(weeks: Int?, until: String?, field: String, rule: String) async throws {
        try await TestDatabase.withPool { db in
            let scene = try await Scene(db)
            var input = scene.series(preview: true)
            (input.weeks, input.until) = (weeks, until.flatMap(CalendarDate.init(iso:)))
            let error = await #expect(throws: ServiceError.self) {
                try await scene.service.bookSeries(input, in: scene.center.center.id, as: scene.manager)
            }
            guard case .invalid(let problem) = error else {
                Issue.record("expected 422, got \(String(describing: error))")
                return
            }
            #expect(problem.field == field && problem.rule == rule)
        }
    }
}

extension Date {
    fileprivate func shifted(days: Int) -> Date { addingTimeInterval(Double(days) * 86_400) }
}
