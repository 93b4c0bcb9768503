import Door
import HTTPTypes
import Hummingbird

/// Read-your-writes when reads may go to a standby: a GET or HEAD reads after the marker of the
/// client's last write (the `Praxis-Read-After` header, else the cookie of that name); any other
/// request reads on the primary and, when it succeeds, hands a new marker back in both, so the
/// booking page right after booking shows the booking. Without a standby it does nothing.
struct ReadYourWritesMiddleware<Context: RequestContext>: RouterMiddleware {
    let readYourWrites: ReadYourWrites
    let secureCookies: Bool

    /// How long a browser keeps the marker: longer than any lag a standby is allowed.
    static var cookieSeconds: Int { 300 }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard readYourWrites.enabled else { return try await next(request, context) }
        let sent = request.headers[.praxisReadAfter] ?? request.cookies[Self.cookie]?.value
        let writes = request.method != .get && request.method != .head
        var (response, marker) = try await readYourWrites.run(after: sent, writes: writes) {
            try await next(request, context)
        }
        guard let marker, response.status.code < 400 else { return response }
        response.headers[.praxisReadAfter] = marker
        response.setCookie(
            Cookie(
                name: Self.cookie, value: marker, maxAge: Self.cookieSeconds, path: "/", secure: secureCookies,
                httpOnly: true, sameSite: .lax))
        return response
    }

    static var cookie: String { "praxis_read_after" }
}

extension HTTPField.Name {
    /// The marker of a client's last write (a log position): sent back, its reads see the write.
    static let praxisReadAfter = Self("Praxis-Read-After")!
}
