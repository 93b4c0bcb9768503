/// Something with a calendar: a room, a workshop, an equipment line, or a pool of identical workstations.
public struct Resource: Sendable, Hashable, Codable {
    /// A readable name.
    public var name: String
    /// Units that can be in use at once: stations of a pool, or 1 for a room or a line.
    public var capacity: Int
    /// Seats (people the resource holds), for room-size checks.
    public var seats: Int
    /// Capability tags (`cnc.5axis`, `welding.robot`, `plc`).
    public var capabilities: [String]
    /// The resource containing this one (a workshop containing machines): using either blocks the other.
    public var parent: Int?
    /// Slots when the resource cannot be used: outside opening hours, closures, maintenance.
    public var unavailableSlots: [Int]
    /// Buffer slots needed on this resource between sessions of two categories.
    public var changeover: Changeover?

    /// Creates a resource.
    public init(
        name: String,
        capacity: Int = 1,
        seats: Int = 0,
        capabilities: [String] = [],
        parent: Int? = nil,
        unavailableSlots: [Int] = [],
        changeover: Changeover? = nil
    ) {
        self.name = name
        self.capacity = capacity
        self.seats = seats
        self.capabilities = capabilities
        self.parent = parent
        self.unavailableSlots = unavailableSlots
        self.changeover = changeover
    }
}
