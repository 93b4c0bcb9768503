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

    public init(
        workerId: String =
            "\(ProcessInfo.processInfo.hostName)-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))",
        lease: Duration = .seconds(30),
        heartbeatInterval: Duration = .seconds(1),
        pollInterval: Duration = .seconds(1)
    ) {
        self.workerId = workerId
        self.lease = lease
        self.heartbeatInterval = heartbeatInterval
        self.pollInterval = pollInterval
    }
}
