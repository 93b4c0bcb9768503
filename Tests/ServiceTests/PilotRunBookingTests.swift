import Access
import Database
import Dates
import Domain
import Foundation
import Repositories
import Service
import TestSupport
import Testing

/// The fixture's workshop holds the lathe and the mill; an enterprise's pilot run on the lathe asks for
/// its hall to itself, an hour's changeover before and two after.
@Suite("Direct booking beside a pilot run: exclusive hall and changeover")
struct PilotRunBookingTests {
    struct Run {
        let center: CenterFixture
        let enterprise: Organization
        let request: Request
        let bookings: BookingService

        init(_ db: Database, exclusiveHall: Bool = true) async throws {
            center = try await CenterFixture(db)
            enterprise = try await OrganizationService(database: db).create(
                name: "中试企业 \(UUID().uuidString.prefix(6))", kind: .largeEnterprise, as: .system)
            request = try await RequestService(database: db).create(
                NewRequest(
                    organizationId: enterprise.id, title: "叶轮中试",
                    details: .pilotProduction(
                        PilotProductionDetails(
                            resourceId: center.lathe.id, days: 1, earliestStart: CalendarDate(iso: "2026-03-02")!,
                            latestStart: CalendarDate(iso: "2026-03-02")!, changeoverBeforeMinutes: 60,
                            changeoverAfterMinutes: 120, exclusiveHall: exclusiveHall)),
                    submit: true),
                in: center.center.id, as: .system)
            bookings = BookingService(database: db, now: TestClock.term)
        }

        /// The run's own booking of the lathe, 08:00–16:00 on Monday 2 March.
        var runBooking: NewBooking {
            NewBooking(
                organizationId: enterprise.id, requestId: request.id, category: .pilotProduction, title: "叶轮中试",
                start: CenterFixture.time(8), end: CenterFixture.time(16),
                resources: [.init(resourceId: center.lathe.id)])
        }

        /// The school's booking of `resource` from `from` to `to` o'clock (minutes after the hour in `minute`).
        func school(_ resource: Resource, _ from: Int, _ to: Int, minute: Int = 0) -> NewBooking {
            NewBooking(
                organizationId: center.school.id, category: .studentTraining, title: "数控实训",
                start: CenterFixture.time(from, minute), end: CenterFixture.time(to, minute),
                resources: [.init(resourceId: resource.id)])
        }

        func book(_ input: NewBooking) async throws -> Booking {
            try await bookings.book(input, in: center.center.id, as: .system)
        }
    }

    /// The sentence and the bookings in the way of a refused booking, as the school's coordinator sees them.
    func clash<T>(_ body: () async throws -> T) async -> (String, [ShownBooking])? {
        do {
            let result = try await body()
            Issue.record("expected a clash, got \(result)")
        } catch ServiceError.clash(let sentence, let shown) {
            return (sentence, shown)
        } catch {
            Issue.record("expected a clash, got \(error)")
        }
        return nil
    }

    @Test(
        "another organization's booking in the run's hall is refused, the run shown only as occupied; the run's own organization and other halls are not"
    )
    func exclusiveHall() async throws {
        try await TestDatabase.withPool { db in
            let run = try await Run(db)
            let coordinator = Principal.coordinator(of: run.center.school.id)
            _ = try await run.book(run.runBooking)
            let refused = try #require(
                await clash {
                    try await run.bookings.book(
                        run.school(run.center.mill, 10, 12), in: run.center.center.id, as: coordinator)
                })
            #expect(refused.0 == BookingRefusal.hallOfPilotRun.sentence)
            #expect(refused.1.count == 1 && refused.1.allSatisfy(\.occupied))
            #expect(refused.1.first?.resources.map(\.resourceId) == [run.center.lathe.id])
            // outside the hall, after the run's changeover, and the enterprise's own upskilling in the hall: booked
            _ = try await run.book(run.school(run.center.pilotLine, 10, 12))
            _ = try await run.book(run.school(run.center.mill, 16, 18))
            var own = run.school(run.center.mill, 12, 14)
            own.organizationId = run.enterprise.id
            own.category = .employeeUpskilling
            _ = try await run.book(own)
        }
    }

    @Test("a run booked over another organization's booking in its hall is refused, naming that booking")
    func runAfterTheOther() async throws {
        try await TestDatabase.withPool { db in
            let run = try await Run(db)
            let school = try await run.book(run.school(run.center.mill, 10, 12))
            let refused = try #require(await clash { try await run.book(run.runBooking) })
            #expect(refused.0 == BookingRefusal.hallOfPilotRun.sentence)
            #expect(refused.1.compactMap(\.details).map(\.id) == [school.id])
            let left = try await run.bookings.bookings(
                in: run.center.center.id, from: CenterFixture.time(0), to: CenterFixture.time(23), status: .confirmed,
                page: Page(limit: 10), as: .system)
            #expect(left.compactMap(\.details).map(\.id) == [school.id])
        }
    }

    @Test("a booking of the run's line inside its changeover before or after is refused; just outside it is booked")
    func changeover() async throws {
        try await TestDatabase.withPool { db in
            let run = try await Run(db, exclusiveHall: false)
            _ = try await run.book(run.runBooking)
            let inside = [(7, 0, 7, 30), (16, 0, 16, 30), (17, 30, 18, 30)]
            for (fromHour, fromMinute, toHour, toMinute) in inside {
                var input = run.school(run.center.lathe, fromHour, toHour)
                input.start = CenterFixture.time(fromHour, fromMinute)
                input.end = CenterFixture.time(toHour, toMinute)
                let refused = try #require(await clash { try await run.book(input) })
                #expect(refused.0 == BookingRefusal.pilotRunChangeover.sentence)
            }
            _ = try await run.book(run.school(run.center.lathe, 6, 7))
            _ = try await run.book(run.school(run.center.lathe, 18, 19))
            // without an exclusive hall the mill next to the run is free
            _ = try await run.book(run.school(run.center.mill, 10, 12))
        }
    }

    @Test(
        "two connections writing a run and a booking in its hall at once: the second waits for the first and is refused"
    )
    func twoConnections() async throws {
        try await TestDatabase.withPool(maxConnections: 3) { db in
            let run = try await Run(db)
            let runBooking = BookingRepository.confirmed(run.runBooking, title: "叶轮中试", centerId: run.center.center.id)
            let other = BookingRepository.confirmed(
                run.school(run.center.mill, 10, 12), title: "数控实训", centerId: run.center.center.id)
            let (held, signal) = AsyncStream.makeStream(of: Void.self)
            let name = "pilot-race-\(UUID().uuidString.prefix(8))"
            // the first connection writes the run and holds its transaction open until the second waits
            async let first: Int = db.withConnection { connection in
                try connection.query("BEGIN")
                try connection.pipeline(
                    BookingRepository().insertion(of: runBooking),
                    BookingRepository().checkPilotRuns(bookingIds: [runBooking.id]))
                signal.yield()
                var polls = 0
                while polls < 20_000 {
                    polls += 1
                    // pg_stat_activity is read once per transaction unless its snapshot is cleared
                    try connection.query("SELECT pg_stat_clear_snapshot()")
                    let waiting: Int = try connection.query(
                        """
                        SELECT count(*)::int4 AS n FROM pg_stat_activity
                        WHERE application_name = \(name) AND wait_event_type = 'Lock'
                        """
                    ).first!.decode("n")
                    if waiting > 0 { break }
                }
                try connection.query("COMMIT")
                return polls
            }
            for await _ in held { break }
            var refusal: DatabaseError?
            do {
                try await db.withConnection { connection in
                    try connection.query("SELECT set_config('application_name', \(name), false)")
                    defer { _ = try? connection.query("RESET application_name") }
                    try connection.pipeline(
                        BookingRepository().insertion(of: other),
                        BookingRepository().checkPilotRuns(bookingIds: [other.id]))
                }
            } catch let error as DatabaseError {
                refusal = error
            }
            #expect(try await first < 20_000, "the second connection never waited for the first")
            #expect(refusal?.sqlState == .pilotRunGuard, "the booking in the run's hall was written")
            #expect(refusal.flatMap(BookingRefusal.init) == .hallOfPilotRun)
        }
    }

    @Test("a pilot run may be booked on a closed day only when the center's policy lets runs go through closures")
    func throughClosures() async throws {
        try await TestDatabase.withPool { db in
            let run = try await Run(db, exclusiveHall: false)
            _ = try await CalendarService(database: db).addClosure(
                Closure(from: CalendarDate(iso: "2026-03-02")!, to: CalendarDate(iso: "2026-03-02")!, reason: "检修"),
                to: run.center.center.id, as: .system)
            do {
                _ = try await run.book(run.runBooking)
                Issue.record("a run on a closed day was booked")
            } catch ServiceError.invalid(let error) {
                #expect(error.rule == "centerClosed")
            }
            let policies = PolicyService(database: db)
            var policy = try await policies.policy(of: run.center.center.id, as: .system)
            policy.pilotRunsThroughClosures = true
            _ = try await policies.replace(policy, of: run.center.center.id, version: policy.version ?? 0, as: .system)
            #expect(try await policies.policy(of: run.center.center.id, as: .system).pilotRunsThroughClosures == true)
            _ = try await run.book(run.runBooking)
            // a school's booking on that day is still refused
            do {
                _ = try await run.book(run.school(run.center.pilotLine, 10, 12))
                Issue.record("a class on a closed day was booked")
            } catch ServiceError.invalid(let error) {
                #expect(error.rule == "centerClosed")
            }
        }
    }
}
