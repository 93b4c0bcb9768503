/// Where a planner run stands: queued → running → succeeded → published, or failed, or cancelled.
public enum PlanStatus: String, Sendable, Codable, CaseIterable {
    /// Waiting for a worker.
    case queued
    /// A worker holds it under a lease and the solver is working.
    case running
    /// The proposal is ready to review and publish.
    case succeeded
    /// The run broke off: an invalid problem, a worker that stopped or crashed (its lease ran out).
    case failed
    /// Its bookings are written and its requests moved on.
    case published
    /// A manager cancelled it: while queued (at once) or running (its worker stopped at its next heartbeat).
    case cancelled

    /// Whether nothing more will happen to the run by itself.
    public var isSettled: Bool { self != .queued && self != .running }
}
