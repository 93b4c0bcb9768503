/// How much of a request the published plan placed: sessions asked, sessions placed, and the
/// sessions left out with their reasons in both languages. Written when a plan is published.
public struct RequestPlacement: Sendable, Equatable, Codable {
    /// Sessions the request asks for (within the plan that placed it).
    public var asked: Int
    public var placed: Int
    /// The sessions left out, in order, each with its reasons.
    public var unplaced: [UnplacedSession]

    public init(asked: Int, placed: Int, unplaced: [UnplacedSession]) {
        self.asked = asked
        self.placed = placed
        self.unplaced = unplaced
    }

    /// The state a published plan gives the request: planned when every session is placed, partly
    /// planned when some are, `nil` when none is.
    public var state: RequestState? {
        if placed == 0 { return nil }
        return placed < asked ? .partlyPlanned : .planned
    }
}
