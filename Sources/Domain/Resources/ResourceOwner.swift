public import Foundation

/// Who contributed a resource (共建共享): the center itself, a school or an enterprise (an
/// organization), or a government fund (named). Reports say whose machines served whom.
public struct ResourceOwner: Sendable, Equatable, Codable {
    /// The kind of contributor; the SQL enum `resource_owner` has the same values.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case center
        case school
        case enterprise
        case governmentFund = "government_fund"
    }

    public var kind: Kind
    /// The school or enterprise, for those kinds.
    public var organizationId: UUID?
    /// The fund's name, for a government fund.
    public var fund: String?

    public init(kind: Kind, organizationId: UUID? = nil, fund: String? = nil) {
        self.kind = kind
        self.organizationId = organizationId
        self.fund = fund
    }

    /// The center itself: what every resource recorded before ownership was.
    public static let center = ResourceOwner(kind: .center)

    /// Checks that a school or enterprise names an organization and a fund its name, and nothing else.
    public func validated() throws(DomainError) -> ResourceOwner {
        switch kind {
        case .center:
            return .center
        case .school, .enterprise:
            guard let organizationId else {
                throw DomainError(
                    field: "owner/organizationId", rule: "required",
                    message: "A resource contributed by a \(kind.rawValue) names the organization.")
            }
            return ResourceOwner(kind: kind, organizationId: organizationId)
        case .governmentFund:
            let fund = try Validate.name(fund ?? "", field: "owner/fund")
            return ResourceOwner(kind: kind, fund: fund)
        }
    }
}
