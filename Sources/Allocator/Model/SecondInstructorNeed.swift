/// What a ``Session`` asks of its second instructor: an enterprise mentor beside the school teacher (双师), or a
/// second teacher when the participants exceed the students-per-instructor ratio of one.
///
/// The second instructor is a different person from the first; clashes, availability, weekly caps and the
/// explanations of unplaced sessions count for both.
public struct SecondInstructorNeed: Sendable, Hashable, Codable {
    /// Skills the second instructor must all hold.
    public var requiredSkills: [String]
    /// When set, only these instructors may be the second instructor (e.g. the mentors of enterprises).
    public var eligibleInstructors: [Int]?

    /// Creates a second instructor's need.
    public init(requiredSkills: [String] = [], eligibleInstructors: [Int]? = nil) {
        self.requiredSkills = requiredSkills
        self.eligibleInstructors = eligibleInstructors
    }
}
