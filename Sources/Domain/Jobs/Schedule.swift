public import Foundation

/// Work done periodically by exactly one process: a job of ``kind`` due at the start of every
/// ``period`` (periods counted from the Unix epoch, so every process agrees on them). Each due run
/// is enqueued under the key ``dedupKey(for:)``, so however many processes enqueue it, it is
/// queued once.
public struct Schedule: Sendable, Equatable {
    public var kind: JobKind
    /// How often it runs, in whole seconds.
    public var period: Duration

    public init(kind: JobKind, period: Duration) {
        self.kind = kind
        self.period = period
    }

    /// Course decisions every hour, certificate reminders and the purge every day (UTC midnight).
    public static let standard: [Schedule] = [
        Schedule(kind: .courseDecisions, period: .seconds(3600)),
        Schedule(kind: .certificateReminders, period: .seconds(86_400)),
        Schedule(kind: .purge, period: .seconds(86_400)),
    ]

    /// The start of the period `now` falls in: the due time of the run that should exist by `now`.
    public func dueTime(at now: Date) -> Date {
        let seconds = max(Int(period.components.seconds), 1)
        let since = Int(now.timeIntervalSince1970.rounded(.down))
        return Date(timeIntervalSince1970: TimeInterval(since - since.modulo(seconds)))
    }

    /// The run's unique key among its kind's jobs: its due time, e.g. `2026-03-02T08:00:00Z`.
    public func dedupKey(for due: Date) -> String {
        due.formatted(Date.ISO8601FormatStyle(timeZone: TimeZone(identifier: "UTC")!))
    }
}

extension Int {
    /// The remainder of a floored division (never negative for a positive divisor).
    fileprivate func modulo(_ divisor: Int) -> Int {
        let remainder = self % divisor
        return remainder < 0 ? remainder + divisor : remainder
    }
}
