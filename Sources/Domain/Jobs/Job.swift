public import Foundation

/// A row of the one job queue (`jobs`): work of a kind, due at a time, claimed by one worker at a
/// time under a lease. See docs/job-queue.md.
public struct Job: Sendable, Equatable {
    public enum Status: String, Sendable, Codable {
        case queued
        case running
        case done
        case dead
    }

    public var id: UUID
    public var kind: JobKind
    /// The job's arguments as JSON text (e.g. `{"delivery": "…"}`).
    public var payload: String
    public var status: Status
    public var runAt: Date
    /// Attempts started so far, this one included once claimed.
    public var attempts: Int
    public var maxAttempts: Int
    public var leaseUntil: Date?
    public var worker: String?
    public var lastError: String?

    public init(
        id: UUID, kind: JobKind, payload: String, status: Status, runAt: Date, attempts: Int, maxAttempts: Int,
        leaseUntil: Date?, worker: String?, lastError: String?
    ) {
        self.id = id
        self.kind = kind
        self.payload = payload
        self.status = status
        self.runAt = runAt
        self.attempts = attempts
        self.maxAttempts = maxAttempts
        self.leaseUntil = leaseUntil
        self.worker = worker
        self.lastError = lastError
    }

    /// The id the payload names under `key` (`plan`, `delivery`…), if it is one.
    public func payloadId(_ key: String) -> UUID? {
        guard let data = payload.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let text = object[key] as? String
        else { return nil }
        return UUID(uuidString: text)
    }
}

/// A kind of job: what a worker does with it. Raw value as stored (`jobs.kind`).
public struct JobKind: RawRepresentable, Sendable, Hashable, Codable {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }

    /// A planner run; its payload names the plan (`{"plan": id}`).
    public static let plan = JobKind(rawValue: "plan")
    /// An e-mail of a notice (`{"delivery": id}`).
    public static let email = JobKind(rawValue: "email")
    /// A webhook call (`{"delivery": id}`).
    public static let webhook = JobKind(rawValue: "webhook")
    /// The go/no-go decisions of the shared-employee courses due (scheduled hourly, `{}`).
    public static let courseDecisions = JobKind(rawValue: "course_decisions")
    /// The notices of instructors' certificates about to expire (scheduled daily, `{}`).
    public static let certificateReminders = JobKind(rawValue: "certificate_reminders")
    /// The removal of long-finished jobs (scheduled daily, `{}`).
    public static let purge = JobKind(rawValue: "purge")
}

/// How long a failed attempt waits before the next: exponential from `base`, capped at `cap`.
public struct Backoff: Sendable, Equatable {
    public var base: Duration
    public var cap: Duration

    public init(base: Duration = .seconds(30), cap: Duration = .seconds(3600)) {
        self.base = base
        self.cap = cap
    }

    /// The wait after attempt number `attempt` (1 for the first) failed: base · 2^(attempt−1), at most cap.
    public func delay(afterAttempt attempt: Int) -> Duration {
        let factor = 1 << min(max(attempt - 1, 0), 20)
        return min(base * factor, cap)
    }
}
