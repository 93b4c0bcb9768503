public import Logging

/// How `praxis serve` listens, how long it waits for a request, and how much it logs. The database it uses is the command line's
/// business: the application gets the use cases built on it (``buildApplication(_:services:security:)``).
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level
    /// How long a request may take to arrive whole after its head (``RequestDeadline``), and how
    /// long a connection may wait idle for its next request's head.
    public var requestTimeout: Duration

    public init(
        host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info,
        requestTimeout: Duration = .seconds(30)
    ) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
        self.requestTimeout = requestTimeout
    }
}
