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

@Suite("Timeline disclosure")
struct TimelineDisclosureTests {
    @Test("the enterprise timeline draws another organization's pilot run and its cleaning as one occupied block")
    func noBufferAfterOccupied() async throws {
        try await UIFixture.run { fixture, client in
            // another enterprise's pilot run in a week of its own: 10 March 09:00–12:00 on the line
            // the demo cleans for 120 minutes after pilot production
            let line: UUID = try await fixture.db.query(
                "SELECT id FROM resources WHERE center_id = \(fixture.centerId) AND name = '智能产线中试线'"
            ).first!.decode("id")
            let name = ["潍海动力装备集团", "鲁信精密机械集团"].first { $0 != fixture.enterprise }!
            let other: UUID = try await fixture.db.query("SELECT id FROM organizations WHERE name = \(name)").first!
                .decode("id")
            let start = Date(timeIntervalSince1970: 1_773_104_400)  // 2026-03-10T09:00:00+08:00
            _ = try await BookingService(database: fixture.db, now: TestClock.term).book(
                NewBooking(
                    organizationId: other, category: .pilotProduction, title: "\(name) 中试", start: start,
                    end: start.addingTimeInterval(3 * 3600), resources: [.init(resourceId: line)]),
                in: fixture.centerId, as: .system)
            let session = try await fixture.signIn(client, as: "demo.enterprise")
            let response = try await client.execute(
                uri: "/ui/enterprise?week=2026-03-09", method: .get, headers: session.headers)
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            #expect(html.contains("block cat-occupied"))
            #expect(html.contains("09:00–14:00"))
            #expect(!html.contains("block buffer"))
            #expect(!html.contains(name))
        }
    }
}
