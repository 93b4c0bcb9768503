public import Foundation

/// The limits on password logins that slow down guessing: after `maxFailures` failed (or still
/// unverified) logins for one username since its last success, or `maxAttemptsPerClient` logins
/// of any outcome from one client address, within `window`, further logins are refused until the
/// oldest of them leaves the window. The counts live in PostgreSQL (`login_attempts`), so the
/// limits hold across service processes; ``LoginService`` reserves an attempt under these
/// limits *before* it verifies a password.
public struct LoginThrottle: Sendable {
    public var maxFailures: Int
    public var maxAttemptsPerClient: Int
    public var window: TimeInterval

    public init(maxFailures: Int = 5, maxAttemptsPerClient: Int = 30, window: TimeInterval = 15 * 60) {
        self.maxFailures = maxFailures
        self.maxAttemptsPerClient = maxAttemptsPerClient
        self.window = window
    }

    /// What the attempts already counted in the window look like.
    public struct Counts: Sendable, Equatable {
        /// Failed or unverified attempts for the username since its last success, and the oldest.
        public var failures: Int
        public var firstFailure: Date?
        /// Attempts of any outcome from the client address, and the oldest.
        public var attempts: Int
        public var firstAttempt: Date?

        public init(failures: Int, firstFailure: Date?, attempts: Int, firstAttempt: Date?) {
            self.failures = failures
            self.firstFailure = firstFailure
            self.attempts = attempts
            self.firstAttempt = firstAttempt
        }
    }

    /// Whether one more attempt is allowed.
    /// - Throws: ``ServiceError/throttled(retryAfter:rule:)`` with the whole seconds to wait.
    public func check(_ counts: Counts, at now: Date) throws(ServiceError) {
        try AttemptWindow(length: window).check(
            [
                (counts.failures >= maxFailures, counts.firstFailure),
                (counts.attempts >= maxAttemptsPerClient, counts.firstAttempt),
            ],
            at: now)
    }
}
