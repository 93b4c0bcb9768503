import Foundation

/// A sliding window of attempts shared by the throttles: a limit that is reached stays so until the oldest
/// attempt it counted leaves the window.
struct AttemptWindow {
    var length: TimeInterval

    /// Refuses one more attempt while a reached limit holds.
    /// - Parameter limits: for each limit, whether its count is reached and the oldest attempt counted.
    /// - Throws: ``ServiceError/throttled(retryAfter:rule:)`` with the whole seconds until the last of the
    ///   reached limits lifts, and `rule`.
    func check(_ limits: [(reached: Bool, oldest: Date?)], at now: Date, rule: String? = nil) throws(ServiceError) {
        let until = limits.compactMap { limit in limit.reached ? limit.oldest?.addingTimeInterval(length) : nil }.max()
        guard let until else { return }
        // whole seconds, rounded up, less a millisecond for timestamps stored to the microsecond
        throw .throttled(retryAfter: max(1, Int((until.timeIntervalSince(now) - 0.001).rounded(.up))), rule: rule)
    }
}
