import Access
import Foundation
import HTTPTypes
import Hummingbird
import Service

/// Finds who is calling: an `Authorization: Bearer` token (401 when it is not valid; 429 once it
/// used up its rate), else the session cookie (ignored when unknown or expired, so that a stale
/// cookie does not stand in the way of logging in again). Without either, 401: it runs only in
/// front of the API's authenticated group; the public routes (probes, the OpenAPI document,
/// `POST /login`) and the pages are mounted where it does not run.
///
/// CSRF: a cookie-authenticated request that may change state (anything but GET, HEAD, OPTIONS)
/// must carry the session's token in `X-CSRF-Token` (403 otherwise). A page of another site can
/// make the browser send the cookie, but it cannot read the token to send it.
struct AuthenticationMiddleware: RouterMiddleware {
    typealias Context = AppRequestContext

    let authenticator: Authenticator
    /// An API token's requests per minute, counted in the database across processes.
    let tokenRequestsPerMinute: Int

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        if let authorization = request.headers[.authorization] {
            let parts = authorization.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer",
                let principal = try await authenticator.principal(
                    bearer: String(parts[1]).trimmingCharacters(in: .whitespaces),
                    requestsPerMinute: tokenRequestsPerMinute),
                principal.tokenId != nil
            else { throw ServiceError.unauthenticated }
            context.principal = principal
        } else if let cookie = request.cookies[SessionCookie.name]?.value,
            let session = try await authenticator.session(cookie: cookie)
        {
            let safe: Set<HTTPRequest.Method> = [.get, .head, .options]
            if !safe.contains(request.method), !session.accepts(csrfToken: request.headers[.csrfToken]) {
                throw ProblemDetails(
                    status: .forbidden, type: "/problems/csrf", title: "CSRF token missing or wrong",
                    detail:
                        "Requests that change something must echo the session's csrfToken (from POST /login or GET /me) in X-CSRF-Token."
                )
            }
            context.principal = session.principal
            context.session = session
        }
        guard context.principal != nil else { throw ServiceError.unauthenticated }
        return try await next(request, context)
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
