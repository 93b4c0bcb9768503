public import Foundation

/// The fields of a resource a PATCH may change; an absent field stays as it is. The kind never
/// changes; `"parentId": null` takes the resource out of its parent.
public struct ResourceChange: Sendable, Decodable {
    public var name: String?
    public var seats: Int?
    public var capabilities: [String]?
    /// `nil`: unchanged; `.some(nil)`: no parent any more.
    public var parentId: UUID??
    public var status: ResourceStatus?
    /// Who contributed the resource (共建共享).
    public var owner: ResourceOwner?

    public init(
        name: String? = nil, seats: Int? = nil, capabilities: [String]? = nil, parentId: UUID?? = nil,
        status: ResourceStatus? = nil, owner: ResourceOwner? = nil
    ) {
        self.name = name
        self.seats = seats
        self.capabilities = capabilities
        self.parentId = parentId
        self.status = status
        self.owner = owner
    }

    enum CodingKeys: String, CodingKey {
        case name, seats, capabilities, parentId, status, owner
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decodeIfPresent(String.self, forKey: .name)
        seats = try container.decodeIfPresent(Int.self, forKey: .seats)
        capabilities = try container.decodeIfPresent([String].self, forKey: .capabilities)
        parentId =
            container.contains(.parentId) ? .some(try container.decodeIfPresent(UUID.self, forKey: .parentId)) : nil
        status = try container.decodeIfPresent(ResourceStatus.self, forKey: .status)
        owner = try container.decodeIfPresent(ResourceOwner.self, forKey: .owner)
    }

    /// The resource with the change applied, checked as creation checks a new one (name, seats,
    /// an equipment line's single seat, tags normalised and de-duplicated, the owner complete).
    public func applied(to resource: Resource) throws(DomainError) -> Resource {
        let input = NewResource(
            kind: resource.kind, name: name ?? resource.name, capabilities: capabilities ?? resource.capabilities,
            seats: seats ?? resource.seats, parentId: parentId ?? resource.parentId)
        let fields = try input.validated()
        var changed = resource
        changed.name = fields.name
        changed.capabilities = fields.capabilities
        changed.seats = input.seats
        changed.parentId = input.parentId
        changed.status = status ?? resource.status
        changed.owner = try owner?.validated() ?? resource.owner
        return changed
    }
}
