import Access
import Foundation
import HTTPTypes
import Hummingbird
import Service

/// `POST /login`, `POST /logout`, `GET /me`: browser sessions and who the caller is.
struct AuthController: Sendable {
    let login: LoginService
    let users: UserService
    let security: SecurityConfiguration

    struct Credentials: Decodable {
        let username: String
        let password: String
    }

    /// The caller: the account, the roles in force, how it authenticated, and (for a browser
    /// session) the CSRF token to echo.
    struct Me: Encodable, Sendable {
        let user: User
        let rolesInForce: [RoleGrant]
        let tokenId: UUID?
        let csrfToken: String?
        let sessionExpiresAt: Date?
    }

    /// - Parameters:
    ///   - anyone: the public routes' group, where `POST /login` goes.
    ///   - router: the authenticated API's group.
    func addRoutes(anyone: RouterGroup<AppRequestContext>, to router: RouterGroup<AppRequestContext>) {
        anyone.post("login") { request, context in
            guard request.headers[.contentType]?.lowercased().hasPrefix("application/json") == true else {
                // a cross-site form cannot send JSON without a CORS preflight: no login CSRF
                throw ProblemDetails(
                    status: .unsupportedMediaType, type: "/problems/unsupported-media-type",
                    title: "Unsupported media type",
                    detail: "Send the credentials as Content-Type: application/json.")
            }
            let credentials = try await request.decodeJSON(as: Credentials.self, context: context)
            let client = request.clientAddress(context: context, trustForwardedFor: security.trustForwardedFor)
            let session = try await login.login(
                username: credentials.username, password: credentials.password, client: client)
            let user = session.user
            var response = try JSONResponse(
                value: Me(
                    user: user, rolesInForce: user.roles, tokenId: nil, csrfToken: session.csrfToken,
                    sessionExpiresAt: session.expiresAt)
            ).response(from: request, context: context)
            response.setCookie(sessionCookie(session.cookie, maxAge: Int(security.sessionLifetime)))
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.post("logout") { request, context in
            let principal = try context.requirePrincipal()
            if let cookie = request.cookies[SessionCookie.name]?.value {
                try await login.logout(cookie: cookie, as: principal)
            }
            var response = Response(status: .noContent)
            response.setCookie(sessionCookie("", maxAge: 0))
            return response
        }
        router.get("me") { _, context in
            let principal = try context.requirePrincipal()
            let user = try await users.user(principal.userId, as: principal)
            return JSONResponse(
                value: Me(
                    user: user, rolesInForce: principal.grants, tokenId: principal.tokenId,
                    csrfToken: context.session?.csrfToken,
                    sessionExpiresAt: nil))
        }
    }

    /// The session cookie: HttpOnly, SameSite=Strict, whole site, Secure when served over TLS.
    private func sessionCookie(_ value: String, maxAge: Int) -> Cookie {
        Cookie(
            name: SessionCookie.name, value: value, maxAge: maxAge, path: "/", secure: security.secureCookies,
            httpOnly: true, sameSite: .strict)
    }
}
