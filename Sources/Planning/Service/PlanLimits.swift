public import Foundation

/// How much planner work one center and one user may hold at a time.
public struct PlanLimits: Sendable {
    /// Queued or running runs a center may have; one more is refused (429) until one settles.
    public var activePlansPerCenter: Int
    /// The `Retry-After` of that refusal, in seconds.
    public var retryAfterSeconds: Int
    /// Plan-event streams one user may hold open at once, across every service process.
    public var eventStreamsPerUser: Int
    /// How often an event stream looks at its plan (and re-checks the caller's access).
    public var pollInterval: Duration
    /// How long a stream's slot outlives its last poll: the slot of a process that died frees itself then.
    public var streamLease: Duration

    public init(
        activePlansPerCenter: Int = 2, retryAfterSeconds: Int = 30, eventStreamsPerUser: Int = 3,
        pollInterval: Duration = .milliseconds(500), streamLease: Duration = .seconds(30)
    ) {
        self.activePlansPerCenter = activePlansPerCenter
        self.retryAfterSeconds = retryAfterSeconds
        self.eventStreamsPerUser = eventStreamsPerUser
        self.pollInterval = pollInterval
        self.streamLease = streamLease
    }

    /// The defaults, with `PRAXIS_MAX_QUEUED_PLANS` (a positive integer) for ``activePlansPerCenter``
    /// and `PRAXIS_MAX_PLAN_STREAMS` for ``eventStreamsPerUser`` when set.
    public static func fromEnvironment(
        _ environment: [String: String] = ProcessInfo.processInfo.environment
    )
        -> PlanLimits
    {
        var limits = PlanLimits()
        if let value = environment["PRAXIS_MAX_QUEUED_PLANS"].flatMap(Int.init), value > 0 {
            limits.activePlansPerCenter = value
        }
        if let value = environment["PRAXIS_MAX_PLAN_STREAMS"].flatMap(Int.init), value > 0 {
            limits.eventStreamsPerUser = value
        }
        return limits
    }
}
