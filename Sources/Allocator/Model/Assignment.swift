/// Where and when a session takes place: its start slot, its resource and its instructor.
public struct Assignment: Sendable, Hashable, Codable {
    /// The start slot.
    public var start: Int
    /// Index of the resource.
    public var resource: Int
    /// Index of the instructor, `nil` when the session needs none.
    public var instructor: Int?

    /// Creates an assignment.
    public init(start: Int, resource: Int, instructor: Int? = nil) {
        self.start = start
        self.resource = resource
        self.instructor = instructor
    }
}
