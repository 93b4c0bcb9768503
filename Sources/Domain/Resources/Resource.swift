public import Foundation

/// What kind of thing a resource is; the SQL enum `resource_kind` has the same values.
public enum ResourceKind: String, Sendable, Codable, CaseIterable {
    case room
    case workshop
    case equipmentLine = "equipment_line"
    /// Identical workstations booked by count ("20 stations"), not as a whole.
    case workstationPool = "workstation_pool"
}

/// Whether a resource can still be booked.
public enum ResourceStatus: String, Sendable, Codable, CaseIterable {
    case active
    case retired
}

/// Something with a calendar: a room, a workshop, an equipment line, a pool of workstations.
public struct Resource: Sendable, Equatable, Codable {
    public var id: UUID
    public var centerId: UUID
    public var kind: ResourceKind
    public var name: String
    /// Capability tags such as `cnc.5axis` or `welding.robot`.
    public var capabilities: [String]
    /// Seats of a room or workshop, stations of a pool, 1 for an equipment line.
    public var seats: Int
    /// The resource this one sits in (a machine in a workshop).
    public var parentId: UUID?
    public var status: ResourceStatus
    public var version: Int
    /// Who contributed it (共建共享); ``ResourceOwner/center`` unless recorded.
    public var owner: ResourceOwner

    public init(
        id: UUID, centerId: UUID, kind: ResourceKind, name: String, capabilities: [String], seats: Int,
        parentId: UUID?, status: ResourceStatus, version: Int, owner: ResourceOwner = .center
    ) {
        self.id = id
        self.centerId = centerId
        self.kind = kind
        self.name = name
        self.capabilities = capabilities
        self.seats = seats
        self.parentId = parentId
        self.status = status
        self.version = version
        self.owner = owner
    }
}

/// What a caller sends to create a resource.
public struct NewResource: Sendable, Decodable {
    public var kind: ResourceKind
    public var name: String
    public var capabilities: [String]?
    public var seats: Int
    public var parentId: UUID?

    public init(kind: ResourceKind, name: String, capabilities: [String]? = nil, seats: Int, parentId: UUID? = nil) {
        self.kind = kind
        self.name = name
        self.capabilities = capabilities
        self.seats = seats
        self.parentId = parentId
    }

    /// Checks the fields; returns the trimmed name and the normalised, de-duplicated tags.
    public func validated() throws(DomainError) -> (name: String, capabilities: [String]) {
        let name = try Validate.name(name, field: "name")
        _ = try Validate.range(seats, 1...10_000, field: "seats")
        if kind == .equipmentLine && seats != 1 {
            throw DomainError(
                field: "seats", rule: "equipmentLine",
                message: "An equipment line is booked whole: its seats must be 1, not \(seats).")
        }
        var tags: [String] = []
        for (index, raw) in (capabilities ?? []).enumerated() {
            let tag = try Validate.tag(raw, field: "capabilities/\(index)")
            if !tags.contains(tag) { tags.append(tag) }
        }
        return (name, tags.sorted())
    }
}
