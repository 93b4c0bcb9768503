/// A person who runs sessions.
public struct Instructor: Sendable, Hashable, Codable {
    /// A readable name.
    public var name: String
    /// Skill tags; a session's required skills must all be among them.
    public var skills: [String]
    /// Most slots the instructor may teach in one week; `nil` means no cap.
    public var weeklySlotCap: Int?
    /// Slots when the instructor is not available.
    public var unavailableSlots: [Int]

    /// Creates an instructor.
    public init(name: String, skills: [String] = [], weeklySlotCap: Int? = nil, unavailableSlots: [Int] = []) {
        self.name = name
        self.skills = skills
        self.weeklySlotCap = weeklySlotCap
        self.unavailableSlots = unavailableSlots
    }
}
