/// One block of work to place: a practical session, a course meeting, one day of a pilot run.
///
/// A session needs one start slot, one ``Resource`` (from which it takes ``ResourceNeed/units`` of capacity for
/// ``duration`` slots) and, when ``needsInstructor`` is set, one ``Instructor`` (and a second one when
/// ``secondInstructor`` is set).
public struct Session: Sendable, Hashable, Codable {
    /// A readable name, used in explanations.
    public var name: String
    /// Length in slots, from 1 to a whole day.
    public var duration: Int
    /// The slots where the session may start; `nil` means every slot where it fits inside a day.
    public var allowedStarts: [Int]?
    /// When set, the length in slots of the session started at each of ``allowedStarts`` (a block of
    /// bell periods lasts as long as its periods and breaks); ``duration`` is then the longest of them.
    public var durations: [Int]?
    /// Number of people taking part (students, employees, trainees).
    public var participants: Int
    /// The kind of work.
    public var category: SessionCategory
    /// Weight of leaving this session unplaced (medium score), at least 1; or 0: the session does not count
    /// when unplaced, neither in the medium score nor in fairness between organizations (a session the
    /// planner lists apart because its week lies outside the horizon).
    public var priority: Int
    /// Index of the owning organization (school or enterprise), for fairness between organizations.
    public var organization: Int
    /// Indices of the cohorts taking part; a cohort cannot be in two places at once.
    public var cohorts: [Int]
    /// What resource the session needs.
    public var resourceNeed: ResourceNeed
    /// Whether the session needs an instructor.
    public var needsInstructor: Bool
    /// Skills the instructor must all hold.
    public var requiredSkills: [String]
    /// When set, only these instructors may run the session (in addition to holding the skills).
    public var eligibleInstructors: [Int]?
    /// What the second instructor must be, when the session needs two (双师); `nil` for one instructor.
    public var secondInstructor: SecondInstructorNeed?
    /// Start slots the organizer prefers; empty means no preference.
    public var preferredStarts: [Int]
    /// Days the organizer prefers; empty means no preference.
    public var preferredDays: [Int]
    /// Index of the ``Series`` the session belongs to, if any.
    public var series: Int?
    /// Free slots its resource needs before the session starts (a pilot run's changeover), beyond what the
    /// resource's ``Changeover`` asks.
    public var bufferBefore: Int
    /// Free slots its resource needs after the session ends.
    public var bufferAfter: Int
    /// Whether, while it runs, no session of another organization may use its resource's hall (the
    /// resource's parent, with everything inside and above it): a pilot run's exclusive hall.
    public var exclusiveHall: Bool

    /// Creates a session; only `name` and `duration` are required.
    public init(
        name: String,
        duration: Int,
        allowedStarts: [Int]? = nil,
        participants: Int = 0,
        category: SessionCategory = .studentTraining,
        priority: Int = 1,
        organization: Int = 0,
        cohorts: [Int] = [],
        resourceNeed: ResourceNeed = ResourceNeed(),
        needsInstructor: Bool = false,
        requiredSkills: [String] = [],
        eligibleInstructors: [Int]? = nil,
        secondInstructor: SecondInstructorNeed? = nil,
        preferredStarts: [Int] = [],
        preferredDays: [Int] = [],
        series: Int? = nil,
        durations: [Int]? = nil,
        bufferBefore: Int = 0,
        bufferAfter: Int = 0,
        exclusiveHall: Bool = false
    ) {
        self.name = name
        self.duration = duration
        self.allowedStarts = allowedStarts
        self.participants = participants
        self.category = category
        self.priority = priority
        self.organization = organization
        self.cohorts = cohorts
        self.resourceNeed = resourceNeed
        self.needsInstructor = needsInstructor
        self.requiredSkills = requiredSkills
        self.eligibleInstructors = eligibleInstructors
        self.secondInstructor = secondInstructor
        self.preferredStarts = preferredStarts
        self.preferredDays = preferredDays
        self.series = series
        self.durations = durations
        self.bufferBefore = bufferBefore
        self.bufferAfter = bufferAfter
        self.exclusiveHall = exclusiveHall
    }

    /// The length in slots of the session started at `start`: ``durations`` at that start, else ``duration``.
    public func duration(at start: Int) -> Int {
        guard let durations, let starts = allowedStarts, let index = starts.firstIndex(of: start),
            index < durations.count
        else { return duration }
        return durations[index]
    }
}
