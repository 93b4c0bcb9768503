import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Editing resources")
struct ResourceEditingTests {
    @Test("a manager renames, re-seats and re-tags a resource at the version read, audited; a stale version is 412")
    func edit() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let centers = CenterService(database: db)
            let manager = try await center.manager()
            let changed = try await centers.change(
                resource: center.pool.id, ResourceChange(name: " 机器人工作站 B ", seats: 6, capabilities: ["plc"]),
                version: 1, as: manager)
            #expect(changed.name == "机器人工作站 B" && changed.seats == 6 && changed.capabilities == ["plc"])
            #expect(changed.version == 2 && changed.kind == .workstationPool)
            let stale = await #expect(throws: ServiceError.self) {
                try await centers.change(resource: center.pool.id, ResourceChange(seats: 8), version: 1, as: manager)
            }
            #expect(stale == .staleVersion(current: 2))
            let audit = try await db.query(
                """
                SELECT before ->> 'seats' AS before, after ->> 'seats' AS after FROM audit_log
                WHERE entity = 'resource' AND action = 'update' AND entity_id = \(center.pool.id.uuidString)
                """)
            #expect(audit.count == 1)
            #expect(try audit.first?.decode("before", as: String.self) == "4")
            #expect(try audit.first?.decode("after", as: String.self) == "6")
            let school = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    resource: center.pool.id, ResourceChange(seats: 8), version: 2,
                    as: .coordinator(of: center.school.id))
            }
            guard case .forbidden = school else {
                Issue.record("expected 403")
                return
            }
            let taken = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    resource: center.pool.id, ResourceChange(name: "数控车床"), version: 2, as: manager)
            }
            guard case .conflict = taken else {
                Issue.record("expected 409")
                return
            }
        }
    }

    @Test("an edit is checked like creation: seats, an equipment line's one seat, tags, a parent that loops")
    func validation() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let centers = CenterService(database: db)
            func refusal(_ id: UUID, _ change: ResourceChange) async -> DomainError? {
                let error = await #expect(throws: ServiceError.self) {
                    try await centers.change(resource: id, change, version: 1, as: .system)
                }
                guard case .invalid(let problem) = error else { return nil }
                return problem
            }
            #expect(await refusal(center.pool.id, ResourceChange(seats: 0))?.field == "seats")
            #expect(await refusal(center.lathe.id, ResourceChange(seats: 2))?.rule == "equipmentLine")
            #expect(await refusal(center.pool.id, ResourceChange(capabilities: ["laser.cut"]))?.rule == "catalogue")
            let loop = await refusal(center.workshop.id, ResourceChange(parentId: .some(center.lathe.id)))
            #expect(loop?.field == "parentId" && loop?.rule == "cycle")
            #expect(await refusal(center.workshop.id, ResourceChange(parentId: .some(UUID())))?.rule == "exists")
            let unchanged = try await centers.resource(center.workshop.id, as: .system)
            #expect(unchanged.version == 1 && unchanged.parentId == nil)
            let moved = try await centers.change(
                resource: center.lathe.id, ResourceChange(parentId: .some(nil)), version: 1, as: .system)
            #expect(moved.parentId == nil)
        }
    }

    @Test("a retired tag a resource already carries may stay; a new one may not be added")
    func retiredTags() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            _ = try await CatalogueService(database: db).change(
                "cnc.lathe", of: center.center.id, CatalogueChange(status: .retired), version: 1, as: .system)
            let centers = CenterService(database: db)
            let kept = try await centers.change(
                resource: center.lathe.id, ResourceChange(name: "数控车床 A", capabilities: ["cnc.lathe"]), version: 1,
                as: .system)
            #expect(kept.capabilities == ["cnc.lathe"])
            let added = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    resource: center.mill.id, ResourceChange(capabilities: ["cnc.5axis", "cnc.lathe"]), version: 1,
                    as: .system)
            }
            guard case .invalid(let problem) = added else {
                Issue.record("expected 422")
                return
            }
            #expect(problem.field == "capabilities/1" && problem.rule == "catalogue")
        }
    }

    @Test(
        "fewer seats or stations than a booking ahead needs, or a new parent under bookings ahead, is 409 naming them")
    func bookingsAhead() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let bookings = BookingService(database: db, now: TestClock.term)
            var workshop = center.booking([.init(resourceId: center.workshop.id)], from: 8, to: 10)
            workshop.participants = 30
            let hall = try await bookings.book(workshop, in: center.center.id, as: .system)
            let share = try await bookings.book(
                center.booking([.init(resourceId: center.pool.id, stations: 3)], from: 8, to: 10),
                in: center.center.id, as: .system)
            let centers = CenterService(database: db)
            let asOf = CenterFixture.time(7)
            func clash(_ id: UUID, _ change: ResourceChange) async -> [UUID]? {
                let error = await #expect(throws: ServiceError.self) {
                    try await centers.change(resource: id, change, version: 1, now: asOf, as: .system)
                }
                guard case .clash(_, let shown) = error else { return nil }
                return shown.compactMap(\.details?.id)
            }
            #expect(await clash(center.workshop.id, ResourceChange(seats: 20)) == [hall.id])
            #expect(await clash(center.pool.id, ResourceChange(seats: 2)) == [share.id])
            #expect(await clash(center.pool.id, ResourceChange(parentId: .some(center.workshop.id))) == [share.id])
            let enough = try await centers.change(
                resource: center.workshop.id, ResourceChange(seats: 30), version: 1, now: asOf, as: .system)
            #expect(enough.seats == 30)
            let later = try await centers.change(
                resource: center.pool.id, ResourceChange(seats: 3), version: 1, now: CenterFixture.time(11), as: .system
            )
            #expect(later.seats == 3)
        }
    }
}
