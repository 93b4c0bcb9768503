/// Where and when a session takes place: its start slot, its resource and its instructors.
public struct Assignment: Sendable, Hashable, Codable {
    /// The start slot.
    public var start: Int
    /// Index of the resource.
    public var resource: Int
    /// Index of the instructor, `nil` when the session needs none.
    public var instructor: Int?
    /// Index of the second instructor (双师: an enterprise mentor beside the school teacher, or a second teacher
    /// for the students-per-instructor ratio), `nil` when the session needs none.
    public var secondInstructor: Int?

    /// Creates an assignment.
    public init(start: Int, resource: Int, instructor: Int? = nil, secondInstructor: Int? = nil) {
        self.start = start
        self.resource = resource
        self.instructor = instructor
        self.secondInstructor = secondInstructor
    }
}
