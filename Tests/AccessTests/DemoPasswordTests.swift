import Access
import Foundation
import Service
import Testing

@Suite("The demo password comes from PRAXIS_DEMO_PASSWORD or is generated")
struct DemoPasswordTests {
    @Test("PRAXIS_DEMO_PASSWORD wins when set and not empty")
    func fromEnvironment() {
        let given = DemoCenter.demoPassword(environment: ["PRAXIS_DEMO_PASSWORD": "a password of the CI run"])
        #expect(given.password == "a password of the CI run")
        #expect(!given.generated)
        #expect(DemoCenter.demoPassword(environment: ["PRAXIS_DEMO_PASSWORD": ""]).generated)
    }

    @Test("otherwise each seed generates a new password that the account rules accept")
    func generated() throws {
        let first = DemoCenter.demoPassword(environment: [:])
        let second = DemoCenter.demoPassword(environment: [:])
        #expect(first.generated && second.generated)
        #expect(first.password != second.password)
        #expect(try PasswordHasher.validated(first.password, field: "password") == first.password)
    }
}
