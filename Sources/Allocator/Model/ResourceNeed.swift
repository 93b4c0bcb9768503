/// What a ``Session`` asks of the one ``Resource`` it is given.
///
/// "40 students at 2 per station" is `units: 20` from a pool of stations; "one room with at least 40 seats"
/// is `units: 1, minimumSeats: 40`. A pilot production session takes the whole capacity of its resource,
/// whatever `units` says.
public struct ResourceNeed: Sendable, Hashable, Codable {
    /// Capability tags the resource must all carry (`cnc.5axis`, `welding.robot`).
    public var capabilities: [String]
    /// Units of the resource's capacity taken (stations of a pool; 1 for a room).
    public var units: Int
    /// Seats the resource must have at least (0: no minimum; room size is then only a soft preference).
    public var minimumSeats: Int
    /// When set, only these resources may be used (in addition to carrying the capabilities).
    public var eligibleResources: [Int]?

    /// Creates a resource need.
    public init(capabilities: [String] = [], units: Int = 1, minimumSeats: Int = 0, eligibleResources: [Int]? = nil) {
        self.capabilities = capabilities
        self.units = units
        self.minimumSeats = minimumSeats
        self.eligibleResources = eligibleResources
    }
}
