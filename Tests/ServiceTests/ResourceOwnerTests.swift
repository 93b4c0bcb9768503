import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("Resource ownership (共建共享)")
struct ResourceOwnerTests {
    @Test("a resource records its contributor: an organization of that kind, or a named fund")
    func owner() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let centers = CenterService(database: db)
            #expect(center.lathe.owner == .center)
            let wrongKind = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    resource: center.lathe.id,
                    ResourceChange(owner: ResourceOwner(kind: .enterprise, organizationId: center.school.id)),
                    version: center.lathe.version, as: .system)
            }
            #expect(AttendanceServiceTests.rule(of: wrongKind) == "owner/organizationId/exists")
            let noFund = await #expect(throws: ServiceError.self) {
                try await centers.change(
                    resource: center.lathe.id, ResourceChange(owner: ResourceOwner(kind: .governmentFund)),
                    version: center.lathe.version, as: .system)
            }
            #expect(AttendanceServiceTests.rule(of: noFund) == "owner/fund/required")
            let bySchool = try await centers.change(
                resource: center.lathe.id,
                ResourceChange(owner: ResourceOwner(kind: .school, organizationId: center.school.id)),
                version: center.lathe.version, as: .system)
            #expect(bySchool.owner == ResourceOwner(kind: .school, organizationId: center.school.id))
            let funded = try await centers.change(
                resource: center.lathe.id,
                ResourceChange(
                    owner: ResourceOwner(kind: .governmentFund, organizationId: center.school.id, fund: " 省产教融合专项 ")),
                version: bySchool.version, as: .system)
            #expect(funded.owner == ResourceOwner(kind: .governmentFund, fund: "省产教融合专项"))
            #expect(try await centers.resource(center.lathe.id, as: .system).owner == funded.owner)
        }
    }
}
