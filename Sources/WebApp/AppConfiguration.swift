public import Logging

/// How `praxis serve` listens and how much it logs. The database it uses is the command line's
/// business: the application gets the use cases built on it (``buildApplication(_:services:security:)``).
public struct AppConfiguration: Sendable {
    public var host: String
    public var port: Int
    public var logLevel: Logger.Level

    public init(host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info) {
        self.host = host
        self.port = port
        self.logLevel = logLevel
    }
}
