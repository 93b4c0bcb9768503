/// The changing part of a plan: an optional ``Assignment`` for each session, by session index.
///
/// A value type: copying it (to recall the best solution) copies one array on write.
public struct Solution: Sendable, Hashable, Codable {
    /// `assignments[i]` is where session `i` is placed, or `nil` when it is unplaced.
    public var assignments: [Assignment?]

    /// A solution with every one of `sessionCount` sessions unplaced.
    public init(sessionCount: Int) {
        assignments = Array(repeating: nil, count: sessionCount)
    }

    /// A solution with the given assignments.
    public init(assignments: [Assignment?]) {
        self.assignments = assignments
    }

    /// Indices of the unplaced sessions.
    public var unplacedSessions: [Int] {
        assignments.indices.filter { assignments[$0] == nil }
    }
}
