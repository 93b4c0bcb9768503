import Access
import Database
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

extension AuthTests {
    @Suite("The login throttle reserves an attempt before bcrypt runs", .serialized)
    struct AuthThrottleTests {
        @Test("200 parallel wrong passwords: at most 5 verified, the rest 429; the right one refused while locked")
        func burst() async throws {
            try await AuthFixture.run { fixture, client in
                let statuses = try await withThrowingTaskGroup(of: (Int, String?).self) { group in
                    for index in 0..<200 {
                        group.addTask {
                            let response = try await fixture.login(client, password: "wrong password number \(index)")
                            return (response.status.code, response.headers[.retryAfter])
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let refused = statuses.filter { $0.0 == 429 }
                #expect(statuses.filter { $0.0 == 401 }.count == 5)
                #expect(refused.count == 195)
                #expect(refused.allSatisfy { $0.1 != nil })
                // one login_attempts row and one login_failed audit row per password verified
                let attempts: Int = try await fixture.db.query(
                    "SELECT count(*) AS n FROM login_attempts WHERE username = \(fixture.adminUsername)"
                ).first!.decode("n")
                #expect(attempts == 5)
                let audited: Int = try await fixture.db.query(
                    """
                    SELECT count(*) AS n FROM audit_log a JOIN users u ON u.id = a.user_id
                    WHERE u.username = \(fixture.adminUsername) AND a.action = 'login_failed'
                    """
                ).first!.decode("n")
                #expect(audited == 5)
                let locked = try await fixture.login(client)
                #expect(locked.status == .tooManyRequests)
                #expect(locked.headers[.retryAfter] == "900")
            }
        }
    }
}
