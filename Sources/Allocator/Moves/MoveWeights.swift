/// How often the local search draws each kind of move, relative to the others.
public struct MoveWeights: Sendable, Hashable {
    /// A kind of move, named as on the command line (`--move-weight swap=50`).
    public enum Kind: String, CaseIterable, Sendable {
        /// A new start and resource for one session.
        case place
        /// A new start for one session.
        case time
        /// A new resource for one session (half of the time one its series already uses).
        case resource
        /// A new instructor for one session.
        case instructor
        /// A new second instructor (双师) for one session.
        case secondInstructor = "second-instructor"
        /// Two sessions exchange their starts and resources.
        case swap
        /// A session moves to another start and its conflict component the other way.
        case kempeChain = "kempe-chain"
        /// A whole series shifts by a day or a slot.
        case series
        /// A session is taken off the timetable.
        case unassign
        /// A session takes a random place, and the session starting there on that resource moves to a random
        /// start on it (an ejection chain of two, for a resource that most sessions want).
        case eject
        /// A session and the others of one of its cohorts on its day leave the timetable and come back, each to
        /// its best free place.
        case ruinAndRecreate = "ruin-and-recreate"
        /// A session of a series short of its minimum days moves, from a day holding another member, to a day
        /// holding none (half of the time as a Kempe chain); with none short, another kind. Kept last: the
        /// others are drawn from the cumulative weights before it.
        case spread
    }

    private var weights: [Kind: Int]

    /// The mix the solver was tuned with.
    public static let standard = MoveWeights(weights: [
        .place: 40, .time: 10, .resource: 10, .instructor: 10, .secondInstructor: 10, .swap: 25, .kempeChain: 10,
        .series: 5, .unassign: 1, .eject: 0, .ruinAndRecreate: 1, .spread: 10,
    ])

    private init(weights: [Kind: Int]) { self.weights = weights }

    /// The largest weight of a kind.
    public static let maximum = 1_000

    /// The weight of `kind`, from 0 (never drawn) to ``maximum`` (a value outside is taken to the nearer end).
    public subscript(kind: Kind) -> Int {
        get { weights[kind] ?? 0 }
        set { weights[kind] = min(max(0, newValue), Self.maximum) }
    }

    /// Whether some kind has a weight above 0 (else the search could not move).
    public var canMove: Bool { weights.values.contains { $0 > 0 } }
}
