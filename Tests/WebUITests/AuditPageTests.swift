import Database
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@Suite("The audit trail page")
struct AuditPageTests {
    @Test(
        "an auditor reads the trail filtered by action and center; a bad filter is shown on the page; a manager is refused"
    )
    func auditPage() async throws {
        try await UIFixture.run { fixture, client in
            let auditor = try await fixture.signIn(client, as: "demo.auditor")
            let home = try await client.execute(uri: "/ui/", method: .get, headers: auditor.headers)
            let homeText = String(buffer: home.body)
            #expect(homeText.contains("href=\"/ui/reports\"") && homeText.contains("href=\"/ui/reports/public\""))
            #expect(homeText.contains("href=\"/ui/audit\""))

            let all = try await client.execute(uri: "/ui/audit", method: .get, headers: auditor.headers)
            #expect(all.status == .ok)
            #expect(String(buffer: all.body).contains("审计记录"))
            let center: UUID = try await fixture.db.query("SELECT id FROM centers ORDER BY name LIMIT 1").first!
                .decode("id")
            let filtered = try await client.execute(
                uri: "/ui/audit?action=create&center=\(center.uuidString)", method: .get,
                headers: auditor.headers)
            let page = String(buffer: filtered.body)
            #expect(filtered.status == .ok)
            let actions = page.components(separatedBy: "data-label=\"操作\">").dropFirst().map {
                String($0.prefix { $0 != "<" })
            }
            #expect(!actions.isEmpty && actions.allSatisfy { $0 == "create" }, "\(Set(actions))")

            let bad = try await client.execute(
                uri: "/ui/audit?action=Create!&from=2026-05-02&to=2026-05-01", method: .get, headers: auditor.headers)
            #expect(bad.status == .unprocessableContent)
            #expect(String(buffer: bad.body).contains("class=\"error\""))

            let manager = try await fixture.signIn(client, as: "demo.manager")
            let refused = try await client.execute(uri: "/ui/audit", method: .get, headers: manager.headers)
            #expect(refused.status == .forbidden)
            #expect(String(buffer: refused.body).contains("只有管理员和审计员可以列出账号。"), "who may, in Chinese")
            #expect(
                !String(buffer: try await client.execute(uri: "/ui/", method: .get, headers: manager.headers).body)
                    .contains("href=\"/ui/audit\""))
        }
    }
}
