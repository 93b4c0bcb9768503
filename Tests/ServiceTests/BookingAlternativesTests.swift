import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// A clash comes with the nearest free alternatives: the same resource later, an equivalent one
/// at the same time; looking for them writes nothing.
@Suite("Alternatives to a clash")
struct BookingAlternativesTests {
    @Test("a taken lathe offers the next three free spans of the same length and the other lathe at the same time")
    func offered() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let manager = try await center.manager()
            let service = BookingService(database: db, now: TestClock.term)
            let otherLathe = try await CenterService(database: db).addResource(
                NewResource(kind: .equipmentLine, name: "数控车床二号", capabilities: ["cnc.lathe"], seats: 1),
                to: center.center.id, as: .system)
            let line = [Booking.Use(resourceId: center.lathe.id)]
            _ = try await service.book(center.booking(line, from: 8, to: 10), in: center.center.id, as: manager)
            _ = try await service.book(center.booking(line, from: 12, to: 13), in: center.center.id, as: manager)
            let asked = center.booking(line, from: 9, to: 11)
            await #expect(throws: ServiceError.self) {
                try await service.book(asked, in: center.center.id, as: manager)
            }
            let alternatives = try await service.alternatives(to: asked, in: center.center.id, as: manager)
            let later = alternatives.filter { $0.kind == .later }
            // 10–12 is free, 12–13 is taken, so 13–15 and 15–17 follow
            #expect(later.map(\.start) == [10, 13, 15].map { CenterFixture.time($0) })
            #expect(
                later.allSatisfy { $0.end.timeIntervalSince($0.start) == 7200 && $0.resourceIds == [center.lathe.id] })
            let equivalent = alternatives.filter { $0.kind == .equivalent }
            #expect(equivalent.map(\.resourceIds) == [[otherLathe.id]])
            #expect(equivalent.allSatisfy { $0.start == asked.start && $0.end == asked.end })
            let kept = try await service.bookings(
                in: center.center.id, from: CenterFixture.time(0), to: CenterFixture.time(0, day: 9), status: nil,
                page: Page(limit: 100), as: manager)
            #expect(kept.count == 2)
            // a choice offered is taken as offered
            var chosen = asked
            (chosen.start, chosen.end) = (later[0].start, later[0].end)
            _ = try await service.book(chosen, in: center.center.id, as: manager)
        }
    }

    @Test("a booking being moved does not stand in its own alternatives' way")
    func moving() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let manager = try await center.manager()
            let service = BookingService(database: db, now: TestClock.term)
            let line = [Booking.Use(resourceId: center.lathe.id)]
            let booking = try await service.book(
                center.booking(line, from: 8, to: 10), in: center.center.id, as: manager)
            _ = try await service.book(center.booking(line, from: 10, to: 12), in: center.center.id, as: manager)
            let change = BookingChange(start: CenterFixture.time(9), end: CenterFixture.time(11), reason: "调整")
            let alternatives = try await service.alternatives(
                to: change.applied(to: booking), in: center.center.id, except: booking, as: manager)
            #expect(alternatives.first { $0.kind == .later }?.start == CenterFixture.time(12))
            #expect(try await service.booking(booking.id, as: manager) == booking)
        }
    }
}
