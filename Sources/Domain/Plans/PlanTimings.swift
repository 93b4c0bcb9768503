/// How long each part of a planner run took, in seconds, and how many searches it made side by side.
public struct PlanTimings: Sendable, Codable, Equatable {
    /// Reading the center (CenterSnapshot).
    public var read: Double
    /// Mapping it onto the allocator (ProblemBuilder).
    public var map: Double
    /// The allocator's solve, displacement's second search included.
    public var solve: Double
    /// Explaining what was left out.
    public var explain: Double
    /// Turning the solution into the proposal (assignments, diff, reasons).
    public var propose: Double
    /// Searches made side by side, each on a core.
    public var searches: Int

    public init(read: Double, map: Double, solve: Double, explain: Double, propose: Double, searches: Int) {
        self.read = read
        self.map = map
        self.solve = solve
        self.explain = explain
        self.propose = propose
        self.searches = searches
    }

    /// Everything but the solve: what the service adds to the allocator's own time.
    public var overhead: Double { read + map + explain + propose }
}
