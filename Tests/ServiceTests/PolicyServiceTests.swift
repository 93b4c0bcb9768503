import Access
import Database
import Domain
import Foundation
import Service
import TestSupport
import Testing

@Suite("A center's category policy, stored")
struct PolicyServiceTests {
    @Test("read before any write, replaced at its version, stale writes refused, nothing half-written")
    func lifecycle() async throws {
        try await TestDatabase.withPool { db in
            let center = try await CenterFixture(db)
            let policies = PolicyService(database: db)
            let initial = try await policies.policy(of: center.center.id, as: .system)
            #expect(initial == CenterPolicy(version: 0, pilotRunsThroughClosures: false))

            var wanted = CenterPolicy(
                shares: [
                    CategoryShare(category: .studentTraining, minPercent: 40, maxPercent: 80),
                    CategoryShare(category: .pilotProduction, minPercent: 0, maxPercent: 25),
                ],
                changeovers: [
                    ChangeoverRule(
                        resourceKind: .equipmentLine, fromCategory: .pilotProduction, toCategory: .studentTraining,
                        minutes: 120)
                ])
            wanted.weights[.organizationFairness] = 5
            let stored = try await policies.replace(wanted, of: center.center.id, version: 0, as: .system)
            #expect(stored.version == 1)
            #expect(stored.weights[.organizationFairness] == 5)
            #expect(Set(stored.shares.map(\.category)) == [.studentTraining, .pilotProduction])
            #expect(stored.changeovers == wanted.changeovers)

            await #expect(throws: ServiceError.staleVersion(current: 1)) {
                try await policies.replace(CenterPolicy(), of: center.center.id, version: 0, as: .system)
            }
            var bad = stored
            bad.shares[0].maxPercent = -1
            await #expect(throws: ServiceError.self) {
                try await policies.replace(bad, of: center.center.id, version: 1, as: .system)
            }
            let after = try await policies.policy(of: center.center.id, as: .system)
            #expect(after == stored)

            let cleared = try await policies.replace(CenterPolicy(), of: center.center.id, version: 1, as: .system)
            #expect(cleared.version == 2 && cleared.shares.isEmpty && cleared.changeovers.isEmpty)
            await #expect(throws: ServiceError.notFound(entity: "center")) {
                try await policies.policy(of: UUID(), as: .system)
            }
        }
    }
}
