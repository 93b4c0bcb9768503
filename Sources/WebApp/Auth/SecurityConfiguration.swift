public import Access
public import Foundation

/// How the service authenticates and throttles: cookie flags, trusted proxies, limits, clock.
public struct SecurityConfiguration: Sendable {
    /// Marks the session cookie `Secure`: set it whenever clients reach the service over TLS
    /// (`PRAXIS_SECURE_COOKIES=1`).
    public var secureCookies: Bool
    /// Takes the client's address from the last `X-Forwarded-For` entry, as a TLS-terminating
    /// proxy in front of the service appends it (`PRAXIS_TRUST_FORWARDED_FOR=1`). Leave it off
    /// when clients reach the service directly: they could then pick their own address.
    public var trustForwardedFor: Bool
    /// Requests one API token may make per minute, counted across all processes on the database.
    public var tokenRequestsPerMinute: Int
    /// How long a browser session lasts after login.
    public var sessionLifetime: TimeInterval
    public var loginThrottle: LoginThrottle
    /// bcrypt's work factor for new password hashes.
    public var bcryptCost: UInt8
    /// The clock for expiry, throttling and rate limits; tests move it by hand.
    public var now: @Sendable () -> Date
    /// The bearer token `GET /metrics` asks for; `nil`: metrics are off (404).
    public var metricsToken: String?

    public init(
        secureCookies: Bool = false, trustForwardedFor: Bool = false, tokenRequestsPerMinute: Int = 600,
        sessionLifetime: TimeInterval = 8 * 3600, loginThrottle: LoginThrottle = LoginThrottle(),
        bcryptCost: UInt8 = 12,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.tokenRequestsPerMinute = tokenRequestsPerMinute
        self.sessionLifetime = sessionLifetime
        self.loginThrottle = loginThrottle
        self.bcryptCost = bcryptCost
        self.now = now
        self.metricsToken = nil
    }

    /// The defaults, with `PRAXIS_SECURE_COOKIES`, `PRAXIS_TRUST_FORWARDED_FOR` and
    /// `PRAXIS_TOKEN_REQUESTS_PER_MINUTE` (a positive integer; otherwise 600) read from `environment`,
    /// `PRAXIS_LOGIN_ATTEMPTS_PER_ADDRESS` (a positive integer; otherwise 30 sign-ins an address in 15
    /// minutes: raise it where many people sign in from one address, a school behind one NAT), and
    /// `PRAXIS_METRICS_TOKEN` (at least 16 characters to turn metrics on).
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Self {
        var configuration = SecurityConfiguration(
            secureCookies: environment["PRAXIS_SECURE_COOKIES"] == "1",
            trustForwardedFor: environment["PRAXIS_TRUST_FORWARDED_FOR"] == "1",
            tokenRequestsPerMinute: environment["PRAXIS_TOKEN_REQUESTS_PER_MINUTE"].flatMap { Int($0) }.flatMap {
                $0 > 0 ? $0 : nil
            } ?? 600)
        configuration.metricsToken = environment["PRAXIS_METRICS_TOKEN"].flatMap { $0.count >= 16 ? $0 : nil }
        if let attempts = environment["PRAXIS_LOGIN_ATTEMPTS_PER_ADDRESS"].flatMap({ Int($0) }), attempts > 0 {
            configuration.loginThrottle.maxAttemptsPerClient = attempts
        }
        return configuration
    }
}
