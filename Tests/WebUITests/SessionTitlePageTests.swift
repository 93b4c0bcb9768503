import Access
import Database
import Domain
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Service
import TestSupport
import Testing

/// A session's title the planner wrote (`… · week 3 #2`, `… · day 1/3`) reads in the reader's
/// language; a title typed by people is shown as stored.
@Suite("Session titles")
struct SessionTitlePageTests {
    @Test("the planner's session suffixes read in Chinese under zh-CN and as stored under English")
    func suffixes() async throws {
        try await UIFixture.run { fixture, client in
            let resources = try await CenterService(database: fixture.db).resources(
                of: fixture.centerId, page: Page(limit: 500), as: .system)
            let room = try #require(resources.first { $0.name == "PLC 实验室" })
            let school: UUID = try await fixture.db.query(
                "SELECT id FROM organizations WHERE name = \(fixture.school)"
            ).first!.decode("id")
            let zone = TimeZone(identifier: "Asia/Shanghai")!
            func at(_ hour: Int) -> Date {
                var calendar = Calendar(identifier: .gregorian)
                calendar.timeZone = zone
                return calendar.date(from: DateComponents(year: 2026, month: 3, day: 7, hour: hour))!
            }
            for (title, hour) in [("标题测试 · week 3 #2", 9), ("标题测试 · day 1/3", 11), ("标题测试 · 我们的 2/8 课", 13)] {
                _ = try await BookingService(database: fixture.db, now: TestClock.term).book(
                    NewBooking(
                        organizationId: school, category: .studentTraining, title: title, start: at(hour),
                        end: at(hour + 1), resources: [.init(resourceId: room.id)]), in: fixture.centerId, as: .system)
            }
            let session = try await fixture.signIn(client, as: "demo.manager")
            let zh = String(
                buffer: try await client.execute(
                    uri: "/ui/timeline?week=2026-03-02", method: .get, headers: session.headers
                ).body)
            #expect(zh.contains("标题测试 · 第3周 第2次") && zh.contains("标题测试 · 第1/3天"))
            #expect(zh.contains("标题测试 · 我们的 2/8 课"))
            let en = String(
                buffer: try await client.execute(
                    uri: "/ui/timeline?week=2026-03-02", method: .get,
                    headers: [.cookie: session.cookie + "; praxis_lang=en"]
                ).body)
            #expect(en.contains("标题测试 · week 3 #2") && en.contains("标题测试 · day 1/3"))
        }
    }
}
