public import Door

extension SecurityConfiguration {
    /// What the account use cases take from these settings: hashing cost, login throttle,
    /// session lifetime and clock.
    public var services: Services.Settings {
        Services.Settings(
            bcryptCost: bcryptCost, loginThrottle: loginThrottle, sessionLifetime: sessionLifetime, now: now)
    }
}
