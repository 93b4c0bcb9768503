public import Foundation

/// Clocks for the rules that read the time, fixed so that tests written for the spring term of
/// 2026 keep booking "from now on" whatever day they run.
public enum TestClock {
    /// 2026-01-01 00:00 in Shanghai: before every booking the tests make as people.
    public static let term: @Sendable () -> Date = { Date(timeIntervalSince1970: 1_767_196_800) }
}
