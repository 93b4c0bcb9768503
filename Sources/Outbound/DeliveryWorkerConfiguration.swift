public import Domain
public import Foundation

/// How a ``DeliveryWorker`` claims, holds and retries deliveries.
public struct DeliveryWorkerConfiguration: Sendable {
    /// The name written on the jobs it claims.
    public var workerId: String
    /// The SMTP server; `nil`: e-mail is off (e-mail jobs wait until a worker with a server takes them).
    public var mail: MailConfiguration?
    /// How long a claim holds a job; a worker silent for longer is taken for dead.
    public var lease: Duration
    public var heartbeatInterval: Duration
    public var pollInterval: Duration
    /// The wait after a failed attempt: 30 s, 1 min, 2 min … up to an hour, 8 attempts in all.
    public var backoff: Backoff
    public var webhookTimeout: Duration

    public init(
        workerId: String =
            "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))",
        mail: MailConfiguration? = nil, lease: Duration = .seconds(60),
        heartbeatInterval: Duration = .seconds(10), pollInterval: Duration = .seconds(1),
        backoff: Backoff = Backoff(), webhookTimeout: Duration = .seconds(15)
    ) {
        self.workerId = workerId
        self.mail = mail
        self.lease = lease
        self.heartbeatInterval = heartbeatInterval
        self.pollInterval = pollInterval
        self.backoff = backoff
        self.webhookTimeout = webhookTimeout
    }
}
