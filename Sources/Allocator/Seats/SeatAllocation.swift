/// How the seats of one shared-employee course were shared out.
public struct SeatAllocation: Sendable, Hashable, Codable {
    /// One SME's outcome.
    public struct Grant: Sendable, Hashable, Codable {
        /// Index of the organization.
        public var organization: Int
        /// Seats asked for.
        public var asked: Int
        /// Seats granted (never more than asked).
        public var granted: Int
        /// Seats asked for but not granted: wait-listed.
        public var waitListed: Int { asked - granted }
    }

    /// Index of the course in `Problem.sharedCourses`.
    public var course: Int
    /// Seats that could be offered (the course's seats, limited by the smallest resource it was given).
    public var seatsOffered: Int
    /// Whether the course runs.
    public var runs: Bool
    /// Grants in the order the requests were made; all zero when the course does not run.
    public var grants: [Grant]
    /// Wait-listed organizations in the order they asked (those granted less than asked).
    public var waitList: [Int] { grants.filter { $0.waitListed > 0 }.map(\.organization) }
    /// Why the course does not run, for a person; `nil` when it runs.
    public var reason: Reason?
}
