/// How a student-training request splits its class into groups (分组) that each work as one unit.
///
/// A class of 48 at 2 per station in a center whose pools have 15 stations, split by `stations`, makes 2 groups
/// of 24 on 12 stations each; split by `size` 16 it makes 3 groups; by `count` 4, 4 groups of 12.
public struct TrainingGroups: Sendable, Equatable, Codable {
    /// How the number of groups is chosen.
    public enum Split: String, Sendable, Codable, CaseIterable {
        /// Groups of at most ``TrainingGroups/groupSize`` students.
        case size
        /// ``TrainingGroups/groupCount`` groups.
        case count
        /// As few groups as fit, each, on the largest pool of the capability (decided when planning).
        case stations
    }

    /// What the groups do.
    public enum Mode: String, Sendable, Codable, CaseIterable {
        /// Every group works on the request's capability, on pools or machines of its own.
        case parallel
        /// The groups rotate between the ``TrainingGroups/rotation`` stations: in meeting k group g works at
        /// station (g + k) mod n (分组轮换).
        case rotation
    }

    public var split: Split
    /// For ``Split/size``: the most students in one group.
    public var groupSize: Int?
    /// For ``Split/count``: the number of groups.
    public var groupCount: Int?
    public var mode: Mode
    /// Whether the groups of one meeting work at the same time (hard); otherwise they meet one after the other,
    /// never overlapping.
    public var together: Bool
    /// For ``Mode/rotation``: the capabilities of the stations, in rotation order (e.g. lathe, mill, fitting).
    public var rotation: [String]?

    public init(
        split: Split, groupSize: Int? = nil, groupCount: Int? = nil, mode: Mode = .parallel, together: Bool = true,
        rotation: [String]? = nil
    ) {
        self.split = split
        self.groupSize = groupSize
        self.groupCount = groupCount
        self.mode = mode
        self.together = together
        self.rotation = rotation
    }

    /// The number of groups of a class of `people` needing `stations` stations, when the largest pool with the
    /// capability has `largestPool` stations (`nil`: none).
    public func count(people: Int, stations: Int, largestPool: Int?) -> Int {
        switch split {
        case .size: return max(1, (people + max(1, groupSize ?? people) - 1) / max(1, groupSize ?? people))
        case .count: return max(1, groupCount ?? 1)
        case .stations:
            guard let pool = largestPool, pool > 0 else { return 1 }
            return min(max(1, people), max(1, (stations + pool - 1) / pool))
        }
    }

    /// The students of each of `count` groups of a class of `people`: as even as can be, larger groups first.
    public static func sizes(people: Int, count: Int) -> [Int] {
        (0..<count).map { people / count + ($0 < people % count ? 1 : 0) }
    }
}
