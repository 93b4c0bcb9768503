import Access
import Foundation
import HTTPTypes
import Hummingbird
import Service

/// Finds who is calling: an `Authorization: Bearer` token (401 when it is not valid; 429 once it
/// used up its rate), else the session cookie (ignored when unknown or expired, so that a stale
/// cookie does not stand in the way of logging in again). Without either, only the public routes
/// (``isPublic(_:)``) answer; everything else is 401.
///
/// CSRF: a cookie-authenticated request that may change state (anything but GET, HEAD, OPTIONS)
/// must carry the session's token in `X-CSRF-Token` (403 otherwise). A page of another site can
/// make the browser send the cookie, but it cannot read the token to send it. `POST /login` is
/// exempt: it does not act on the session.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let authenticator: Authenticator
    let limiter: TokenRateLimiter

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                let principal = try await authenticator.principal(
                    bearer: String(parts[1]).trimmingCharacters(in: .whitespaces)),
                let tokenId = principal.tokenId
            else { throw ServiceError.unauthenticated }
            try await limiter.admit(tokenId)
            context.principal = principal
        } else if let cookie = request.cookies[SessionCookie.name]?.value,
            let session = try await authenticator.session(cookie: cookie)
        {
            let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
            if !safe.contains(request.method), request.uri.path != "/login",
                !session.accepts(csrfToken: request.headers[.csrfToken])
            {
                throw ProblemDetails(
                    status: .forbidden, type: "/problems/csrf", title: "CSRF token missing or wrong",
                    detail:
                        "Requests that change something must echo the session's csrfToken (from POST /login or GET /me) in X-CSRF-Token."
                )
            }
            context.principal = session.principal
            context.session = session
        }
        guard context.principal != nil || Self.isPublic(request) else { throw ServiceError.unauthenticated }
        return try await next(request, context)
    }

    /// Probes, this API's description and signing in answer anyone; everything else needs credentials.
    /// The HTML pages (`/`, `/ui/…`) sign readers in with their own session cookie and send them
    /// to their login page (see `WebUI`).
    static func isPublic(_ request: Request) -> Bool {
        let path = request.uri.path
        if path == "/" || path == "/ui" || path.hasPrefix("/ui/") { return true }
        return switch (request.method, path) {
        case (.get, "/healthz"), (.get, "/readyz"), (.get, "/openapi.yaml"), (.head, "/healthz"), (.head, "/readyz"),
            (.post, "/login"):
            true
        default:
            false
        }
    }
}

/// The browser session cookie.
enum SessionCookie {
    static let name = "praxis_session"
}

extension HTTPField.Name {
    /// `X-CSRF-Token`: the session's CSRF token, echoed by cookie-authenticated state-changing requests.
    static let csrfToken = HTTPField.Name("X-CSRF-Token")!
    /// `Idempotency-Key`: makes a POST safe to retry.
    static let idempotencyKey = HTTPField.Name("Idempotency-Key")!
    /// `Idempotent-Replayed: true` marks an answer sent again for a retried key.
    static let idempotentReplayed = HTTPField.Name("Idempotent-Replayed")!
}

extension Request {
    /// The client's address for throttling: the peer, or (behind a trusted proxy) the last
    /// `X-Forwarded-For` entry; `unknown` when neither is there.
    func clientAddress(context: AppRequestContext, trustForwardedFor: Bool) -> String {
        ClientAddress.of(
            peer: context.peerAddress, forwardedFor: headers[.init("X-Forwarded-For")!],
            trustForwardedFor: trustForwardedFor)
    }
}
