import Access
import Foundation

/// Counts the requests of each API token in fixed one-minute windows, in this process.
actor TokenRateLimiter {
    private let limit: Int
    private let now: @Sendable () -> Date
    private var windows: [UUID: (start: Date, count: Int)] = [:]

    init(requestsPerMinute: Int, now: @escaping @Sendable () -> Date) {
        precondition(requestsPerMinute > 0, "a rate limit must admit at least one request")
        self.limit = requestsPerMinute
        self.now = now
    }

    /// Counts one request of `tokenId`.
    /// - Throws: ``ServiceError/throttled(retryAfter:rule:)`` once the token used up its minute.
    func admit(_ tokenId: UUID) throws(ServiceError) {
        let now = now()
        if windows.count > 10_000 {
            windows = windows.filter { now.timeIntervalSince($0.value.start) < 60 }
        }
        var window = windows[tokenId] ?? (now, 0)
        if now.timeIntervalSince(window.start) >= 60 { window = (now, 0) }
        guard window.count < limit else {
            throw .throttled(retryAfter: max(1, Int((60 - now.timeIntervalSince(window.start)).rounded(.up))))
        }
        window.count += 1
        windows[tokenId] = window
    }
}
