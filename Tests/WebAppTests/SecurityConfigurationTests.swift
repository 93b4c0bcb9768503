import Access
import Testing
import WebApp

@Suite("Security settings from the environment")
struct SecurityConfigurationTests {
    @Test("sign-ins an address may make: 30 by default, PRAXIS_LOGIN_ATTEMPTS_PER_ADDRESS when a positive number")
    func loginAttempts() {
        #expect(SecurityConfiguration.fromEnvironment([:]).loginThrottle.maxAttemptsPerClient == 30)
        let raised = SecurityConfiguration.fromEnvironment(["PRAXIS_LOGIN_ATTEMPTS_PER_ADDRESS": "200"])
        #expect(raised.loginThrottle.maxAttemptsPerClient == 200)
        for ignored in ["0", "-3", "many"] {
            let setting = SecurityConfiguration.fromEnvironment(["PRAXIS_LOGIN_ATTEMPTS_PER_ADDRESS": ignored])
            #expect(setting.loginThrottle.maxAttemptsPerClient == 30)
        }
        #expect(raised.loginThrottle.maxFailures == 5, "the per-username limit stays")
    }
}
