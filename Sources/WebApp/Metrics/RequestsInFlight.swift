import NIOConcurrencyHelpers

/// How many requests this process is answering now: a planner run of `praxis serve` searches on
/// one core instead of several while they are more than its limit (`PRAXIS_PLANNER_BUSY_REQUESTS`).
public enum RequestsInFlight {
    private static let counter = NIOLockedValueBox(0)

    /// The requests being answered.
    public static var count: Int { counter.withLockedValue { $0 } }

    static func started() { counter.withLockedValue { $0 += 1 } }

    static func ended() { counter.withLockedValue { $0 -= 1 } }
}
