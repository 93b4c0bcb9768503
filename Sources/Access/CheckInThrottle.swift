public import Foundation

/// The limits on self check-ins that keep six-digit codes and roster numbers from being guessed:
/// after `maxFailuresPerClient` failed check-ins from one client address, or
/// `maxFailuresPerCode` against one code (the session showing it), within `window`, further
/// check-ins are refused until the oldest failure leaves the window. A new code starts its count
/// afresh. The counts live in PostgreSQL (`check_in_attempts`), so the limits hold across service
/// processes.
public struct CheckInThrottle: Sendable {
    public var maxFailuresPerClient: Int
    public var maxFailuresPerCode: Int
    public var window: TimeInterval

    public init(maxFailuresPerClient: Int = 10, maxFailuresPerCode: Int = 40, window: TimeInterval = 10 * 60) {
        self.maxFailuresPerClient = maxFailuresPerClient
        self.maxFailuresPerCode = maxFailuresPerCode
        self.window = window
    }

    /// Failed check-ins counted in the window, each with its oldest.
    public struct Counts: Sendable, Equatable {
        public var clientFailures: Int
        public var firstClientFailure: Date?
        public var codeFailures: Int
        public var firstCodeFailure: Date?

        public init(clientFailures: Int, firstClientFailure: Date?, codeFailures: Int, firstCodeFailure: Date?) {
            self.clientFailures = clientFailures
            self.firstClientFailure = firstClientFailure
            self.codeFailures = codeFailures
            self.firstCodeFailure = firstCodeFailure
        }
    }

    /// Whether one more check-in may be tried.
    /// - Throws: ``ServiceError/throttled(retryAfter:rule:)`` with rule `checkInAttempts`.
    public func check(_ counts: Counts, at now: Date) throws(ServiceError) {
        try AttemptWindow(length: window).check(
            [
                (counts.clientFailures >= maxFailuresPerClient, counts.firstClientFailure),
                (counts.codeFailures >= maxFailuresPerCode, counts.firstCodeFailure),
            ],
            at: now, rule: "checkInAttempts")
    }
}
