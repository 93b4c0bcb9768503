import Access
import Database
import Hummingbird
import Service

/// Adds authentication and idempotency middleware (in that order, after the problem middleware)
/// and the routes of sessions, tokens, users and the audit trail.
func addAccessRoutes(to router: Router<AppRequestContext>, database: Database, security: SecurityConfiguration) {
    let hasher = PasswordHasher(cost: security.bcryptCost)
    router.add(
        middleware: AuthenticationMiddleware(
            authenticator: Authenticator(database: database, now: security.now),
            limiter: TokenRateLimiter(requestsPerMinute: security.tokenRequestsPerMinute, now: security.now)))
    router.add(
        middleware: IdempotencyMiddleware(store: IdempotencyStore(database: database, now: security.now)))
    let users = UserService(database: database, hasher: hasher)
    AuthController(
        login: LoginService(
            database: database, hasher: hasher, throttle: security.loginThrottle,
            sessionLifetime: security.sessionLifetime,
            now: security.now),
        users: users, security: security
    ).addRoutes(to: router)
    TokensController(tokens: TokenService(database: database, now: security.now)).addRoutes(to: router)
    UsersController(users: users).addRoutes(to: router)
    AuditController(trail: AuditTrail(database: database)).addRoutes(to: router)
}
