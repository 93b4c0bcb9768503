public import Foundation

/// How a ``PlanWorker`` claims and holds runs.
public struct PlanWorkerConfiguration: Sendable {
    /// The name the worker writes on the runs it claims (`host-pid-random` by default).
    public var workerId: String
    /// How long a claim or heartbeat holds a run: a worker silent for longer is taken for dead.
    public var lease: Duration
    /// How often a worker renews its lease and writes progress while it solves; well under ``lease``.
    public var heartbeatInterval: Duration
    /// How long an idle worker waits before looking for queued runs again.
    public var pollInterval: Duration
    /// Searches a run makes side by side, each on a core (``Allocator/SolverConfiguration/searches``);
    /// `praxis serve` and `praxis plan` make ``defaultSearches``.
    public var searches: Int
    /// Whether the process is busy enough that a run should search on one core only: asked when a
    /// run starts and at each of its searches' meetings.
    public var isBusy: (@Sendable () -> Bool)?

    public init(
        workerId: String =
            "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))",
        lease: Duration = .seconds(30),
        heartbeatInterval: Duration = .seconds(1),
        pollInterval: Duration = .seconds(1),
        searches: Int = 1,
        isBusy: (@Sendable () -> Bool)? = nil
    ) {
        self.workerId = workerId
        self.lease = lease
        self.heartbeatInterval = heartbeatInterval
        self.pollInterval = pollInterval
        self.searches = max(1, searches)
        self.isBusy = isBusy
    }
}

extension PlanWorkerConfiguration {
    /// The configuration `praxis serve` reads: `PRAXIS_PLANNER_SEARCHES` (1–8; default two on two cores
    /// or more) searches side by side, given up for one while `inFlight()` is above
    /// `PRAXIS_PLANNER_BUSY_REQUESTS` (default 4).
    /// - Throws: ``PlanWorkerConfiguration/Invalid`` naming the variable and its rule.
    public init(environment: [String: String], inFlight: @escaping @Sendable () -> Int) throws {
        self.init(searches: Self.defaultSearches)
        if let text = environment["PRAXIS_PLANNER_SEARCHES"] {
            guard let searches = Int(text), (1...8).contains(searches) else {
                throw Invalid(message: "PRAXIS_PLANNER_SEARCHES (\(text)) must be a number from 1 to 8.")
            }
            self.searches = searches
        }
        let text = environment["PRAXIS_PLANNER_BUSY_REQUESTS"] ?? "4"
        guard let limit = Int(text), limit >= 0 else {
            throw Invalid(message: "PRAXIS_PLANNER_BUSY_REQUESTS (\(text)) must be a number of requests, 0 or more.")
        }
        isBusy = { inFlight() > limit }
    }

    /// Two searches on a machine with two cores or more, else one.
    public static var defaultSearches: Int { min(2, ProcessInfo.processInfo.activeProcessorCount) }

    /// A variable that does not keep its rule.
    public struct Invalid: Error, CustomStringConvertible {
        public let message: String
        public var description: String { message }
    }
}
