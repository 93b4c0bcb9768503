/// Everything the allocator is told: the horizon, the facts (resources, instructors, cohorts, organizations),
/// the sessions and series to place, the center's policy and weights, confirmed (pinned) assignments and the
/// previous solution for least-change re-planning.
///
/// Every reference between facts is a dense index into the arrays below. ``validate()`` checks them.
public struct Problem: Sendable, Hashable, Codable {
    /// The slot grid.
    public var horizon: Horizon
    /// Rooms, workshops, lines and pools.
    public var resources: [Resource]
    /// Instructors.
    public var instructors: [Instructor]
    /// Cohorts.
    public var cohorts: [Cohort]
    /// Names of the organizations (schools, enterprises, SMEs), referred to by index.
    public var organizations: [String]
    /// Sessions to place.
    public var sessions: [Session]
    /// Series of sessions.
    public var series: [Series]
    /// Share bounds per category.
    public var categoryPolicy: CategoryPolicy
    /// Soft-constraint weights.
    public var weights: SoftWeights
    /// Confirmed assignments by session index; the solver never moves them.
    public var pinned: [Int: Assignment]
    /// The published solution, for the least-change soft constraint; `nil` when planning from scratch.
    public var previous: Solution?
    /// Shared-employee courses whose seats are allocated after placement.
    public var sharedCourses: [SharedCourse]
    /// Organizations' quotas on the hours their sessions take.
    public var quotas: [QuotaCap]

    /// Creates a problem.
    public init(
        horizon: Horizon,
        resources: [Resource] = [],
        instructors: [Instructor] = [],
        cohorts: [Cohort] = [],
        organizations: [String] = [],
        sessions: [Session] = [],
        series: [Series] = [],
        categoryPolicy: CategoryPolicy = CategoryPolicy(),
        weights: SoftWeights = SoftWeights(),
        pinned: [Int: Assignment] = [:],
        previous: Solution? = nil,
        sharedCourses: [SharedCourse] = [],
        quotas: [QuotaCap] = []
    ) {
        self.horizon = horizon
        self.resources = resources
        self.instructors = instructors
        self.cohorts = cohorts
        self.organizations = organizations
        self.sessions = sessions
        self.series = series
        self.categoryPolicy = categoryPolicy
        self.weights = weights
        self.pinned = pinned
        self.previous = previous
        self.sharedCourses = sharedCourses
        self.quotas = quotas
    }
}
