import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("Timeline disclosure")
struct TimelineDisclosureTests {
    @Test("the enterprise timeline draws another organization's pilot run and its cleaning as one occupied block")
    func noBufferAfterOccupied() async throws {
        try await UIFixture.run { fixture, client in
            let session = try await fixture.signIn(client, as: "demo.enterprise")
            let response = try await client.execute(
                uri: "/ui/enterprise?week=2026-03-02", method: .get, headers: session.headers)
            #expect(response.status == .ok)
            let html = String(buffer: response.body)
            // 鲁信精密's pilot run, 3 March 09:00–12:00, with 120 minutes of cleaning after it
            #expect(html.contains("block cat-occupied"))
            #expect(!html.contains("block buffer"))
            #expect(!html.contains("120 min"))
            #expect(html.contains("09:00–14:00"))
        }
    }
}
