/// How a ``Solver`` runs: seed, termination, acceptor and checks.
public struct SolverConfiguration {
    /// The local-search acceptor.
    public enum AcceptorKind: Sendable, Hashable {
        /// Simulated annealing from `initialTemperature` down to `finalTemperature` (in soft-score units).
        case simulatedAnnealing(initialTemperature: Double, finalTemperature: Double)
        /// Late acceptance with a history of `length` steps.
        case lateAcceptance(length: Int)
    }

    /// The random seed; the same seed and step limit give the same solution.
    public var seed: UInt64
    /// When to stop the local search.
    public var termination: Termination
    /// The local-search acceptor.
    public var acceptor: AcceptorKind
    /// Cost of one hard violation in soft units, for the acceptor (the best solution is still recalled
    /// lexicographically).
    public var hardWeight: Double
    /// How often the local search draws each kind of move.
    public var moveWeights: MoveWeights
    /// Whether the search reweighs `moveWeights` as it goes, by how often each kind improves (AdaptiveMix).
    public var adaptiveMoves: Bool
    /// Cost of one unit of unplaced priority in soft units, for the acceptor.
    public var mediumWeight: Double
    /// What one unit of soft cost weighs in the feasibility phase, where one broken hard constraint or unit of
    /// unplaced priority weighs 1; 0: the phase walks the soft cost at random while it mends the hard.
    public var feasibilitySoftWeight: Double
    /// Most of the time gradient (0…1) the feasibility phase may use when construction leaves broken hard
    /// constraints or unplaced sessions.
    public var feasibilityShare: Double
    /// Check the incremental score against a full rescore after every move (slow; for tests).
    public var assertFullScore: Bool
    /// Least time between two progress reports.
    public var progressInterval: Duration
    /// Whether to start from `Problem.previous` (keeping each assignment still inside its session's domain).
    public var startFromPrevious: Bool
    /// Searches run side by side, each on a thread with its own seed (`seed`, `seed + 1`, …), meeting at
    /// every tenth of the time to continue from the best of all; 1: one search on the calling thread.
    /// With more than one, the termination's clock and closures and `progress` are called from every
    /// search's thread.
    public var searches: Int
    /// Asked at every meeting by each search but the first: `true` stops it there (the machine is busy).
    public var isBusy: (@Sendable () -> Bool)?

    /// Simulated annealing's default temperatures, in soft-score units.
    public static let defaultTemperatures = (initial: 3.0, final: 0.05)
    /// The default cost of one hard violation, in soft-score units.
    public static let defaultHardWeight = 10_000.0
    /// The default weight of soft cost in the feasibility phase: enough that the phase does not scramble soft
    /// preferences (room sizes, above all) while it places a term's last sessions, little enough that it still
    /// mends the hard first (docs/benchmarks.md, "comp05's bad runs").
    public static let defaultFeasibilitySoftWeight = 0.01

    /// Creates a configuration.
    public init(
        seed: UInt64 = 0,
        termination: Termination = Termination(),
        acceptor: AcceptorKind = .simulatedAnnealing(
            initialTemperature: defaultTemperatures.initial, finalTemperature: defaultTemperatures.final),
        hardWeight: Double = defaultHardWeight,
        moveWeights: MoveWeights = .standard,
        adaptiveMoves: Bool = false,
        mediumWeight: Double = 1_000,
        feasibilitySoftWeight: Double = defaultFeasibilitySoftWeight,
        feasibilityShare: Double = 0.3,
        assertFullScore: Bool = false,
        progressInterval: Duration = .seconds(1),
        startFromPrevious: Bool = true,
        searches: Int = 1,
        isBusy: (@Sendable () -> Bool)? = nil
    ) {
        self.seed = seed
        self.termination = termination
        self.acceptor = acceptor
        self.hardWeight = hardWeight
        self.moveWeights = moveWeights
        self.adaptiveMoves = adaptiveMoves
        self.mediumWeight = mediumWeight
        self.feasibilitySoftWeight = feasibilitySoftWeight
        self.feasibilityShare = feasibilityShare
        self.assertFullScore = assertFullScore
        self.progressInterval = progressInterval
        self.startFromPrevious = startFromPrevious
        self.searches = max(1, searches)
        self.isBusy = isBusy
    }
}
