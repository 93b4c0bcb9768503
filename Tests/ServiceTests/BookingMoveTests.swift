import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

/// Moving and editing a confirmed booking: checked as a new one, at the version read, audited with
/// the reason, told to its organization when someone else moves it.
@Suite("Moving a booking")
struct BookingMoveTests {
    @Test(
        "a manager of another organization moves a school's booking: new time and resource, old time free, audited, noticed"
    )
    func moved() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            // the school's own manager books (and is told); a manager of the operator moves
            let own = try await center.manager()
            let service = BookingService(database: db, now: TestClock.term)
            let booking = try await service.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10), in: center.center.id, as: own)
            let mover = try await Self.operatorManager(of: center)
            let moved = try await service.move(
                booking.id,
                BookingChange(
                    start: CenterFixture.time(14, day: 3), end: CenterFixture.time(16, day: 3),
                    resources: [.init(resourceId: center.mill.id)], title: "五轴实训", reason: "设备调配"),
                version: booking.version, as: mover)
            #expect(moved.version == booking.version + 1)
            #expect(try await service.booking(booking.id, as: mover) == moved)
            #expect(moved.resources.map(\.resourceId) == [center.mill.id] && moved.title == "五轴实训")
            // the old time is free again; the new one is taken
            _ = try await service.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10), in: center.center.id,
                as: mover)
            let clash = await #expect(throws: ServiceError.self) {
                try await service.book(
                    center.booking([.init(resourceId: center.workshop.id)], from: 15, to: 16).shifted(days: 1),
                    in: center.center.id, as: mover)
            }
            guard case .clash(_, let inTheWay) = clash else {
                Issue.record("expected a clash, got \(String(describing: clash))")
                return
            }
            #expect(inTheWay.map(\.details?.id) == [booking.id])
            let (reason, notice): (String, String) = try await db.withConnection { connection in
                let audit = try connection.query(
                    "SELECT after ->> 'reason' AS reason FROM audit_log WHERE entity = 'booking' AND action = 'move' AND entity_id = \(booking.id.uuidString)"
                ).first!
                let notice = try connection.query(
                    "SELECT body FROM notices WHERE event = 'booking.displaced' AND entity_id = \(booking.id.uuidString.lowercased())"
                ).first!
                return (try audit.decode("reason"), try notice.decode("body"))
            }
            #expect(reason == "设备调配")
            #expect(notice.contains("2026-03-02 08:00–10:00") && notice.contains("2026-03-03 14:00–16:00"))
            let english = NoticeDraft.bookingDisplaced(
                from: booking, to: moved, reason: LocalizedText(en: "设备调配", zh: "设备调配"), timeZone: center.center.zone)
            #expect(english.body.en.contains("moved from 2026-03-02 08:00–10:00 to 2026-03-03 14:00–16:00"))
        }
    }

    @Test("a move by an hour does not clash with itself; its own organization is not noticed")
    func byAnHour() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let manager = try await center.manager()
            let service = BookingService(database: db, now: TestClock.term)
            let booking = try await service.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10), in: center.center.id,
                as: manager)
            let moved = try await service.move(
                booking.id, BookingChange(start: CenterFixture.time(9), end: CenterFixture.time(11), reason: "晚一小时"),
                version: booking.version, as: manager)
            #expect(moved.start == CenterFixture.time(9) && moved.resources == booking.resources)
            let notices: Int = try await db.withConnection { connection in
                try connection.query(
                    "SELECT count(*)::int8 AS n FROM notices WHERE entity_id = \(booking.id.uuidString.lowercased())"
                ).first!.decode("n")
            }
            #expect(notices == 0)
        }
    }

    @Test("a stale version is 412, a clash names the booking in the way and changes nothing, no reason is 422")
    func refused() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let manager = try await center.manager()
            let service = BookingService(database: db, now: TestClock.term)
            let line = [Booking.Use(resourceId: center.lathe.id)]
            let booking = try await service.book(
                center.booking(line, from: 8, to: 10), in: center.center.id, as: manager)
            let other = try await service.book(
                center.booking(line, from: 14, to: 16), in: center.center.id, as: manager)
            let later = BookingChange(start: CenterFixture.time(15), end: CenterFixture.time(17), reason: "调整")
            await #expect(throws: ServiceError.staleVersion(current: booking.version)) {
                try await service.move(booking.id, later, version: booking.version + 1, as: manager)
            }
            let error = await #expect(throws: ServiceError.self) {
                try await service.move(booking.id, later, version: booking.version, as: manager)
            }
            guard case .clash(_, let inTheWay) = error else {
                Issue.record("expected a clash, got \(String(describing: error))")
                return
            }
            #expect(inTheWay.map(\.details?.id) == [other.id])
            #expect(try await service.booking(booking.id, as: manager) == booking)
            let error422 = await #expect(throws: ServiceError.self) {
                try await service.move(booking.id, BookingChange(title: "x", reason: " "), version: 1, as: manager)
            }
            guard case .invalid(let problem) = error422 else {
                Issue.record("expected 422, got \(String(describing: error422))")
                return
            }
            #expect(problem.field == "reason" && problem.rule == "required")
        }
    }

    /// A manager of the center with an account of their own, of an organization other than the school.
    static func operatorManager(of center: CenterFixture) async throws -> Principal {
        let organization = try await OrganizationService(database: center.db).create(
            name: "运营方二 \(UUID().uuidString.prefix(8))", kind: .centerOperator, as: .system)
        let user = try await UserService(database: center.db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(
                username: "mover-\(UUID().uuidString.prefix(8).lowercased())", displayName: "调度员",
                organizationId: organization.id, password: nil,
                roles: [RoleGrant(role: .centerManager, centerId: center.center.id)]),
            as: .system)
        return Principal(
            userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
    }
}
