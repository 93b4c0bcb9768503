import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Calendar feeds")
struct FeedServiceTests {
    /// A school coordinator with an account of their own: a feed's owner must exist.
    static func coordinator(_ center: CenterFixture) async throws -> Principal {
        let user = try await UserService(database: center.db, hasher: PasswordHasher(cost: 4)).create(
            NewUser(
                username: "feeds-\(UUID().uuidString.prefix(8).lowercased())", displayName: "学校联络人",
                organizationId: center.school.id, password: nil, roles: [RoleGrant(role: .schoolCoordinator)]),
            as: .system)
        return Principal(
            userId: user.id, username: user.username, organizationId: user.organizationId, grants: user.roles)
    }

    /// The feed's text checked by two independent parsers (`scripts/check-ical`), as they read it.
    static func parsed(_ text: String) async throws -> (name: String, events: [[String: String]]) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("feed-\(UUID().uuidString).ics")
        try Data(text.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try await Command.run(
            TestDatabase.repositoryRoot.appendingPathComponent("scripts/check-ical"), [file.path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
        let events = (json["events"] as? [[String: Any]] ?? []).map { event in
            event.mapValues { "\($0)" }
        }
        return (json["name"] as? String ?? "", events)
    }

    @Test(
        "a resource's feed: sessions, a moved one (same UID, SEQUENCE up), a cancelled one, others' pilot run occupied")
    func resourceFeed() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let owner = try await Self.coordinator(center)
            let enterprise = try await OrganizationService(database: db).create(
                name: "潍柴动力 \(UUID().uuidString.prefix(6))", kind: .largeEnterprise, as: .system)
            let bookings = BookingService(database: db)
            let lesson = try await bookings.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 8, to: 10, title: "数控实训, 第1次; A\\B"),
                in: center.center.id, as: .system)
            let moved = try await bookings.book(
                center.booking([.init(resourceId: center.lathe.id)], from: 10, to: 12, title: "数控编程"),
                in: center.center.id, as: .system)
            let cancelled = try await bookings.book(
                center.booking([.init(resourceId: center.mill.id)], from: 8, to: 9, title: "五轴加工"),
                in: center.center.id, as: .system)
            var pilot = center.booking(
                [.init(resourceId: center.workshop.id)], from: 13, to: 17, category: .pilotProduction,
                title: "新型缸体试制")
            pilot.organizationId = enterprise.id
            _ = try await bookings.book(pilot, in: center.center.id, as: .system)

            let feeds = FeedService(database: db, now: { CenterFixture.time(0, day: 1) })
            let issued = try await feeds.create(
                NewFeedSubscription(kind: "resource", subjectId: center.workshop.id), as: owner)
            #expect(issued.secret.hasPrefix("pxf_"))
            let before = try await feeds.feed(secret: issued.secret, host: "praxis.test")
            #expect(before.text.contains("BEGIN:VTIMEZONE\r\nTZID:Asia/Shanghai\r\n"))
            #expect(before.text.contains("TZOFFSETTO:+0800"))
            #expect(before.text.contains("DTSTART;TZID=Asia/Shanghai:20260302T080000"))
            #expect(!before.text.contains("新型缸体试制") && !before.text.contains("潍柴"))
            #expect(try await feeds.feed(secret: issued.secret, host: "praxis.test").etag == before.etag)

            // a move made anywhere (here straight in the database) raises the version; a cancel too
            _ = try await db.query(
                """
                UPDATE bookings SET during = tstzrange(\(CenterFixture.time(18)), \(CenterFixture.time(19)))
                WHERE id = \(moved.id)
                """)
            _ = try await bookings.cancel(cancelled.id, version: cancelled.version, as: .system)
            let after = try await feeds.feed(secret: issued.secret, host: "praxis.test")
            #expect(after.etag != before.etag)

            let (name, events) = try await Self.parsed(after.text)
            #expect(name == "Praxis – 数控车间")
            let byUID = Dictionary(uniqueKeysWithValues: events.map { ($0["uid"] ?? "", $0) })
            let id = { (booking: Booking) in "\(booking.id.uuidString.lowercased())@praxis.test" }
            #expect(byUID[id(lesson)]?["summary"] == "数控实训, 第1次; A\\B")
            #expect(byUID[id(lesson)]?["sequence"] == "0")
            #expect(byUID[id(moved)]?["sequence"] == "1")
            #expect(byUID[id(moved)]?["start"]?.hasPrefix("2026-03-02T18:00:00") == true)
            #expect(byUID[id(cancelled)]?["status"] == "CANCELLED")
            #expect(byUID[id(cancelled)]?["sequence"] == "1")
            let occupied = events.filter { $0["summary"] == FeedEvent.occupied }
            #expect(occupied.count == 1)
            #expect(occupied.first?["uid"]?.hasPrefix("occupied-") == true)
            #expect(occupied.first?["location"] == "数控车间")

            // once the cancelled session has ended it is dropped
            let later = FeedService(database: db, now: { CenterFixture.time(12) })
            let dropped = try await Self.parsed(try await later.feed(secret: issued.secret, host: "praxis.test").text)
            #expect(!dropped.events.contains { $0["uid"] == id(cancelled) })
            #expect(dropped.events.contains { $0["uid"] == id(lesson) })
        }
    }

    @Test("revoked, the feed answers not found; only its owner lists and revokes it")
    func revoking() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let owner = try await Self.coordinator(center)
            let feeds = FeedService(database: db)
            let issued = try await feeds.create(
                NewFeedSubscription(kind: "organization", subjectId: center.school.id), as: owner)
            #expect(try await feeds.subscriptions(page: Page(), as: owner).map(\.id) == [issued.subscription.id])
            let stranger = try await Self.coordinator(center)
            #expect(try await feeds.subscriptions(page: Page(), as: stranger).isEmpty)
            _ = try await feeds.feed(secret: issued.secret, host: "h")
            let revoked = try await feeds.revoke(issued.subscription.id, as: owner)
            #expect(revoked.revokedAt != nil)
            await #expect(throws: ServiceError.notFound(entity: "feed")) {
                try await feeds.feed(secret: issued.secret, host: "h")
            }
            await #expect(throws: ServiceError.notFound(entity: "feed")) {
                try await feeds.feed(secret: "pxf_nothing", host: "h")
            }
        }
    }

    @Test("a feed of another organization's timetable is refused; mine needs an instructor; kinds are checked")
    func refusals() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let owner = try await Self.coordinator(center)
            let other = try await OrganizationService(database: db).create(
                name: "别的学校 \(UUID().uuidString.prefix(6))", kind: .higherVocationalCollege, as: .system)
            let feeds = FeedService(database: db)
            await #expect(throws: ServiceError.notFound(entity: "organization")) {
                try await feeds.create(NewFeedSubscription(kind: "organization", subjectId: other.id), as: owner)
            }
            await #expect(throws: ServiceError.self) {
                try await feeds.create(NewFeedSubscription(kind: "mine", subjectId: nil), as: owner)
            }
            await #expect(throws: ServiceError.self) {
                try await feeds.create(NewFeedSubscription(kind: "room", subjectId: UUID()), as: owner)
            }
        }
    }

    @Test(
        "a feed reads as its owner stands now: a manager's role taken away hides the pilot run; a disabled owner's feed is gone"
    )
    func ownerAsNow() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let manager = try await center.manager()
            let enterprise = try await OrganizationService(database: db).create(
                name: "中试企业 \(UUID().uuidString.prefix(6))", kind: .largeEnterprise, as: .system)
            var pilot = center.booking(
                [.init(resourceId: center.pilotLine.id)], from: 8, to: 17, category: .pilotProduction,
                title: "新型缸体试制")
            pilot.organizationId = enterprise.id
            _ = try await BookingService(database: db).book(pilot, in: center.center.id, as: .system)
            let feeds = FeedService(database: db, now: { CenterFixture.time(0, day: 1) })
            let issued = try await feeds.create(
                NewFeedSubscription(kind: "resource", subjectId: center.pilotLine.id), as: manager)
            #expect(try await feeds.feed(secret: issued.secret, host: "h").text.contains("SUMMARY:新型缸体试制"))

            let users = UserService(database: db, hasher: PasswordHasher(cost: 4))
            var user = try await users.user(manager.userId, as: .system)
            user = try await users.change(
                user.id, UserChange(roles: [RoleGrant(role: .schoolCoordinator)]), version: user.version, as: .system)
            let narrowed = try await feeds.feed(secret: issued.secret, host: "h").text
            #expect(!narrowed.contains("新型缸体试制"))
            #expect(narrowed.contains("SUMMARY:\(FeedEvent.occupied)"))

            _ = try await users.change(user.id, UserChange(disabled: true), version: user.version, as: .system)
            await #expect(throws: ServiceError.notFound(entity: "feed")) {
                try await feeds.feed(secret: issued.secret, host: "h")
            }
        }
    }
}
