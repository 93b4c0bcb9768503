/// The time source of a ``Termination``: real time in production, a manual clock in tests.
public protocol SolverClock {
    /// Time elapsed since an arbitrary fixed origin.
    func now() -> Duration
}

/// The system's monotonic clock.
public struct MonotonicClock: SolverClock {
    private let origin = ContinuousClock.now

    /// Creates a clock whose origin is now.
    public init() {}

    /// Time since the clock was created.
    public func now() -> Duration { ContinuousClock.now - origin }
}

/// A clock that moves only when told to (tests), optionally by a fixed amount at every reading.
public final class ManualClock: SolverClock {
    /// The current time.
    public var current: Duration
    /// Added to ``current`` after each reading.
    public var tick: Duration

    /// Creates a clock at `start` that advances by `tick` per reading.
    public init(start: Duration = .zero, tick: Duration = .zero) {
        current = start
        self.tick = tick
    }

    /// The current time; then advances by ``tick``.
    public func now() -> Duration {
        defer { current += tick }
        return current
    }

    /// Moves the clock forward.
    public func advance(by duration: Duration) {
        current += duration
    }
}
