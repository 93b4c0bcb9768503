/// Sessions that belong together, and how they should relate in time and place.
public struct Series: Sendable, Hashable, Codable {
    /// How the sessions of a series should be laid out.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Weekly meetings: the same weekday, time and resource preferred (soft).
        case weekly
        /// A pilot run: members (in order) on consecutive days on the same resource (hard).
        case contiguous
        /// Spread over at least ``Series/minimumDays`` distinct days (soft, as CB-CTT's min working days);
        /// the same resource is preferred (soft room stability).
        case spread
        /// Groups of one class meeting together: every member starts at the same slot (hard, per pair of members
        /// at different starts). Members keep their own ``Session/series``; a session is in at most one
        /// simultaneous series, which it does not name.
        case simultaneous
    }

    /// A readable name.
    public var name: String
    /// The layout rule.
    public var kind: Kind
    /// Indices of the member sessions, in order (the order matters for ``Kind/contiguous``).
    public var sessions: [Int]
    /// For ``Kind/spread``: the number of distinct days wanted.
    public var minimumDays: Int

    /// Creates a series.
    public init(name: String, kind: Kind, sessions: [Int], minimumDays: Int = 0) {
        self.name = name
        self.kind = kind
        self.sessions = sessions
        self.minimumDays = minimumDays
    }
}
