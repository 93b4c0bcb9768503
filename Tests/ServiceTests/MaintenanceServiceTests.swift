import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Maintenance windows")
struct MaintenanceServiceTests {
    @Test("scheduled only around bookings; it keeps bookings of the machine and of its workshop out until removed")
    func lifecycle() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let maintenance = MaintenanceService(database: db)
            let bookings = BookingService(database: db, now: TestClock.term)
            let booked = try await bookings.book(
                center.booking([.init(resourceId: center.workshop.id)], from: 8, to: 10), in: center.center.id,
                as: .system)

            // the workshop's booking holds the mill inside it
            let refused = await #expect(throws: ServiceError.self) {
                try await maintenance.schedule(
                    NewMaintenanceWindow(start: CenterFixture.time(9), end: CenterFixture.time(11), reason: "主轴保养"),
                    on: center.mill.id, as: .system)
            }
            guard case .clash(_, let inTheWay) = refused else {
                Issue.record("expected a clash")
                return
            }
            #expect(inTheWay.map(\.details?.id) == [booked.id])

            let window = try await maintenance.schedule(
                NewMaintenanceWindow(start: CenterFixture.time(12), end: CenterFixture.time(14), reason: " 主轴保养 "),
                on: center.mill.id, as: .system)
            #expect(window.reason == "主轴保养")
            let listed = try await maintenance.windows(
                of: center.mill.id, from: CenterFixture.time(0), to: CenterFixture.time(23), as: .system)
            #expect(listed == [window])
            for resource in [center.mill, center.workshop] {
                let error = await #expect(throws: ServiceError.self) {
                    try await bookings.book(
                        center.booking([.init(resourceId: resource.id)], from: 13, to: 15), in: center.center.id,
                        as: .system)
                }
                guard case .clash(let detail, _) = error else {
                    Issue.record("expected a clash for \(resource.name)")
                    continue
                }
                #expect(detail.contains("maintenance"))
            }
            _ = try await bookings.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 13, to: 15), in: center.center.id,
                as: .system)

            try await maintenance.remove(window.id, as: .system)
            _ = try await bookings.book(
                center.booking([.init(resourceId: center.mill.id)], from: 13, to: 15), in: center.center.id, as: .system
            )
            await #expect(throws: ServiceError.notFound(entity: "maintenance window")) {
                try await maintenance.remove(window.id, as: .system)
            }
        }
    }

    @Test("bad windows name the field")
    func invalid() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let maintenance = MaintenanceService(database: db)
            for (input, field) in [
                (NewMaintenanceWindow(start: CenterFixture.time(12), end: CenterFixture.time(12), reason: "x"), "end"),
                (
                    NewMaintenanceWindow(
                        start: CenterFixture.time(12), end: CenterFixture.time(12, day: 100), reason: "x"), "end"
                ),
                (
                    NewMaintenanceWindow(start: CenterFixture.time(12), end: CenterFixture.time(13), reason: "  "),
                    "reason"
                ),
            ] {
                let error = await #expect(throws: ServiceError.self) {
                    try await maintenance.schedule(input, on: center.mill.id, as: .system)
                }
                guard case .invalid(let problem) = error else {
                    Issue.record("expected invalid")
                    continue
                }
                #expect(problem.field == field)
            }
            await #expect(throws: ServiceError.notFound(entity: "resource")) {
                try await maintenance.schedule(
                    NewMaintenanceWindow(start: CenterFixture.time(12), end: CenterFixture.time(13), reason: "x"),
                    on: UUID(), as: .system)
            }
        }
    }
}
