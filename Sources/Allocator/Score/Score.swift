/// A hard / medium / soft score, compared lexicographically; higher is better, 0 is perfect.
///
/// Hard counts broken hard constraints, medium the priority of unplaced sessions, soft the weighted soft
/// penalties; all three are zero or negative.
public struct Score: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Negated hard-constraint violations.
    public var hard: Int64
    /// Negated total priority of unplaced sessions.
    public var medium: Int64
    /// Negated weighted soft penalties.
    public var soft: Int64

    /// Creates a score.
    public init(hard: Int64, medium: Int64, soft: Int64) {
        self.hard = hard
        self.medium = medium
        self.soft = soft
    }

    /// The perfect score.
    public static let zero = Score(hard: 0, medium: 0, soft: 0)

    /// Whether no hard constraint is broken.
    public var isFeasible: Bool { hard >= 0 }

    public static func < (lhs: Score, rhs: Score) -> Bool {
        (lhs.hard, lhs.medium, lhs.soft) < (rhs.hard, rhs.medium, rhs.soft)
    }

    public static func + (lhs: Score, rhs: Score) -> Score {
        Score(hard: lhs.hard + rhs.hard, medium: lhs.medium + rhs.medium, soft: lhs.soft + rhs.soft)
    }

    public static func - (lhs: Score, rhs: Score) -> Score {
        Score(hard: lhs.hard - rhs.hard, medium: lhs.medium - rhs.medium, soft: lhs.soft - rhs.soft)
    }

    public var description: String { "\(hard)hard/\(medium)medium/\(soft)soft" }
}
