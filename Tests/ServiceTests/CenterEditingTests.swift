import Access
import Database
import Dates
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Editing centers and deleting closures")
struct CenterEditingTests {
    @Test("a manager renames a center and changes its slot length at the version read; its time zone stays")
    func editCenter() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let centers = CenterService(database: db)
            let manager = try await center.manager()
            let changed = try await centers.change(
                center: center.center.id, CenterChange(name: center.center.name + " 二期", slotMinutes: 15), version: 1,
                as: manager)
            #expect(changed.name.hasSuffix(" 二期") && changed.slotMinutes == 15 && changed.version == 2)
            let stale = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    center: center.center.id, CenterChange(slotMinutes: 60), version: 1, as: manager)
            }
            #expect(stale == .staleVersion(current: 2))
            let zone = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    center: center.center.id, CenterChange(timeZone: "Europe/Berlin"), version: 2, as: manager)
            }
            guard case .invalid(let problem) = zone else {
                Issue.record("expected 422")
                return
            }
            #expect(problem.field == "timeZone" && problem.rule == "immutable")
            let slot = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    center: center.center.id, CenterChange(slotMinutes: 20), version: 2, as: manager)
            }
            guard case .invalid(let slotProblem) = slot else {
                Issue.record("expected 422")
                return
            }
            #expect(slotProblem.field == "slotMinutes")
            let other = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    center: center.center.id, CenterChange(name: "别的名字"), version: 2,
                    as: .manager(of: UUID()))
            }
            guard case .forbidden = other else {
                Issue.record("expected 403")
                return
            }
            let audit = try await db.query(
                "SELECT count(*)::int4 AS n FROM audit_log WHERE entity = 'center' AND action = 'update' AND entity_id = \(center.center.id.uuidString)"
            ).first!
            #expect(try audit.decode("n", as: Int.self) == 1)
        }
    }

    @Test("a closure that has not ended is deleted, audited; a past one stays (409); another center's is 404")
    func deleteClosure() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let calendar = CalendarService(database: db)
            let manager = try await center.manager()
            let drill = try await calendar.addClosure(
                Closure(from: CalendarDate(iso: "2026-03-10")!, to: CalendarDate(iso: "2026-03-11")!, reason: "消防演练"),
                to: center.center.id, as: manager)
            let id = try #require(drill.id)
            #expect(try await calendar.closures(of: center.center.id, as: manager).map(\.id) == [id])
            let past = await #expect(throws: ServiceError.self) {
                try await calendar.removeClosure(
                    id, of: center.center.id, now: CenterFixture.time(8, day: 14), as: manager)
            }
            guard case .conflict = past else {
                Issue.record("expected 409")
                return
            }
            let school = await #expect(throws: ServiceError.self) {
                try await calendar.removeClosure(
                    id, of: center.center.id, now: CenterFixture.time(8), as: .coordinator(of: center.school.id))
            }
            guard case .forbidden = school else {
                Issue.record("expected 403")
                return
            }
            let elsewhere = try await CenterFixture(db)
            let wrongCenter = await #expect(throws: ServiceError.self) {
                try await calendar.removeClosure(id, of: elsewhere.center.id, now: CenterFixture.time(8), as: .system)
            }
            #expect(wrongCenter == .notFound(entity: "closure"))
            try await calendar.removeClosure(id, of: center.center.id, now: CenterFixture.time(8, day: 11), as: manager)
            #expect(try await calendar.closures(of: center.center.id, as: manager).isEmpty)
            let audit = try await db.query(
                "SELECT before ->> 'reason' AS reason FROM audit_log WHERE entity = 'closure' AND action = 'delete' AND entity_id = \(id.uuidString)"
            )
            #expect(try audit.first?.decode("reason", as: String.self) == "消防演练")
        }
    }
}
