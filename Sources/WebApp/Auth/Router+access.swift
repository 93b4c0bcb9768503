import Access
import Door
import Hummingbird
import Service

/// Adds the routes of sessions, tokens, users and the audit trail: `POST /login` to the public
/// group, the rest to the authenticated one.
/// - Parameters:
///   - anyone: routes that answer without credentials.
///   - api: routes behind ``AuthenticationMiddleware`` and ``IdempotencyMiddleware``.
func addAccessRoutes(
    anyone: RouterGroup<AppRequestContext>, api: RouterGroup<AppRequestContext>, services: Services,
    security: SecurityConfiguration
) {
    AuthController(login: services.login, users: services.users, security: security)
        .addRoutes(anyone: anyone, to: api)
    TokensController(tokens: services.tokens).addRoutes(to: api)
    UsersController(users: services.users).addRoutes(to: api)
    AuditController(trail: services.auditTrail).addRoutes(to: api)
}

extension RouterMethods<AppRequestContext> {
    /// A group of this router behind authentication (401 without credentials) and idempotency
    /// keys, in that order: the API's routes that need a caller.
    func authenticated(services: Services, security: SecurityConfiguration) -> RouterGroup<AppRequestContext> {
        group()
            .add(
                middleware: AuthenticationMiddleware(
                    authenticator: services.authenticator, tokenRequestsPerMinute: security.tokenRequestsPerMinute)
            )
            .add(
                middleware: IdempotencyMiddleware(store: services.idempotency))
    }
}
