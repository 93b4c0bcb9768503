/// An organization's quota (docs/quotas.md) as the solver keeps it, a hard constraint: the slots
/// its ``sessions`` take on ``resources`` add up to at most a window's ``Window/limit`` in each
/// window, a session counted whole in the window where it starts.
public struct QuotaCap: Sendable, Hashable, Codable {
    /// A stretch of the horizon the quota counts in (its week, month or term) and what is left of it.
    public struct Window: Sendable, Hashable, Codable {
        /// The first slot, and the slot after the last.
        public var start: Int
        public var end: Int
        /// Slots the sessions may still take here (the quota less what bookings outside the problem use).
        public var limit: Int

        public init(start: Int, end: Int, limit: Int) {
            self.start = start
            self.end = end
            self.limit = limit
        }
    }

    /// A readable name, used in explanations ("20 h per month on the 5-axis CNC").
    public var name: String
    /// Indices of the sessions counted.
    public var sessions: [Int]
    /// Indices of the resources whose use counts; `nil`: any resource.
    public var resources: [Int]?
    /// Disjoint windows in order.
    public var windows: [Window]

    public init(name: String, sessions: [Int], resources: [Int]? = nil, windows: [Window]) {
        self.name = name
        self.sessions = sessions
        self.resources = resources
        self.windows = windows
    }

    /// The index of the window holding `slot`, if any.
    func window(of slot: Int) -> Int? {
        windows.firstIndex { $0.start <= slot && slot < $0.end }
    }
}
