import Access
import Database
import Domain
import Foundation

extension DemoCenter {
    /// Fair use: an SME may take the enterprise-owned five-axis machine 20 h a month, a college its
    /// students 120 h a week, and a large enterprise its pilot runs 300 h a term.
    static func quotas(
        _ centerId: UUID, orgs: [String: Organization], resources: [String: UUID], with service: QuotaService,
        on connection: Connection
    ) throws {
        let quotas = [
            NewQuota(organizationId: orgs["寿光精工零部件"]!.id, resourceId: resources["五轴加工中心"], period: .month, hours: 20),
            NewQuota(organizationId: orgs["潍坊职业学院"]!.id, category: .studentTraining, period: .week, hours: 120),
            NewQuota(organizationId: orgs["潍海动力装备集团"]!.id, category: .pilotProduction, period: .term, hours: 300),
        ]
        for quota in quotas { _ = try service.set(quota, in: centerId, as: .system, on: connection) }
    }
}
