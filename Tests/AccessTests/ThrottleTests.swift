import Access
import Foundation
import Testing

@Suite("Throttles wait for the last reached limit to leave its window")
struct ThrottleTests {
    private let now = Date(timeIntervalSince1970: 1_800_000_000)

    /// The seconds a throttle's refusal asks to wait and its rule; `nil` when nothing is refused.
    private func refusal(_ check: () throws(ServiceError) -> Void) -> (seconds: Int, rule: String?)? {
        do {
            try check()
            return nil
        } catch {
            guard case .throttled(let seconds, let rule) = error else {
                Issue.record("not throttled: \(error)")
                return (-1, nil)
            }
            return (seconds, rule)
        }
    }

    @Test("a login under both limits passes; over both it waits for the later window's end")
    func login() {
        let throttle = LoginThrottle(maxFailures: 5, maxAttemptsPerClient: 30, window: 600)
        let under = LoginThrottle.Counts(failures: 4, firstFailure: now, attempts: 29, firstAttempt: now)
        #expect(refusal { () throws(ServiceError) in try throttle.check(under, at: now) }.map(\.seconds) == nil)
        let failures = LoginThrottle.Counts(
            failures: 5, firstFailure: now.addingTimeInterval(-100), attempts: 30,
            firstAttempt: now.addingTimeInterval(-400))
        let refused = refusal { () throws(ServiceError) in try throttle.check(failures, at: now) }
        #expect(refused?.seconds == 500)
        #expect(refused?.rule == nil)
        let clientOnly = LoginThrottle.Counts(
            failures: 0, firstFailure: nil, attempts: 30, firstAttempt: now.addingTimeInterval(-599.5))
        #expect(refusal { () throws(ServiceError) in try throttle.check(clientOnly, at: now) }?.seconds == 1)
    }

    @Test("a check-in over the code's limit waits for its window and names the rule")
    func checkIn() {
        let throttle = CheckInThrottle(maxFailuresPerClient: 10, maxFailuresPerCode: 40, window: 600)
        let code = CheckInThrottle.Counts(
            clientFailures: 9, firstClientFailure: now, codeFailures: 40, firstCodeFailure: now.addingTimeInterval(-60))
        let refused = refusal { () throws(ServiceError) in try throttle.check(code, at: now) }
        #expect(refused?.seconds == 540)
        #expect(refused?.rule == "checkInAttempts")
    }
}
