import Access
import Foundation
import Hummingbird
import Logging
import Service

/// Signs pages in from their own session cookie (``PageCookies/session``), never from an API
/// token, and finds the reader's workplace (the center every page works in and names).
struct PageSessionMiddleware<Context: PageContext>: RouterMiddleware {
    let authenticator: Authenticator
    let centers: CenterService

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var context = context
        context.principal = nil
        context.session = nil
        context.workplace = nil
        if let cookie = request.cookies[PageCookies.session]?.value,
            let session = try await authenticator.session(cookie: cookie)
        {
            context.principal = session.principal
            context.session = session
            context.workplace = try await centers.workplaces(as: session.principal)
        }
        return try await next(request, context)
    }
}

/// Refuses forms posted from another origin.
struct PageOriginMiddleware<Context: PageContext>: RouterMiddleware {
    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        if request.method == .post, let origin = request.headers[.origin], let authority = request.head.authority,
            !(origin == "http://\(authority)" || origin == "https://\(authority)")
        {
            throw PageError.csrf
        }
        return try await next(request, context)
    }
}

/// Turns a failure into a friendly page built from the same problem details the API sends:
/// its title, status and sentence (under the rule's own sentence in the reader's language, when the problem
/// names a rule), never a stack trace, inside the reader's normal frame. Without a session, the reader is sent
/// to the login page and brought back afterwards.
struct PageErrorMiddleware<Context: PageContext>: RouterMiddleware {
    let renderer: PageRenderer
    let problem: @Sendable (any Error) -> PageProblem?

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let found = (error as? PageError)?.problem ?? problem(error)
            if found?.status == 401 {
                let back =
                    request.method == .get ? request.uri.path + (request.uri.query.map { "?" + $0 } ?? "") : "/ui/"
                return .redirect(
                    to: "/ui/login?next=" + (back.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            }
            guard let found else {
                context.logger.error(
                    "Unhandled error on a page",
                    metadata: [
                        "error": "\(String(reflecting: error))", "http.method": "\(request.method.rawValue)",
                        "http.path": "\(request.uri.path)",
                    ])
                return page(
                    PageProblem(status: 500, type: "/problems/internal", title: "Internal error"), request: request,
                    context: context, requestId: context.id)
            }
            return page(found, request: request, context: context, requestId: nil)
        }
    }

    /// The error page, inside the normal frame (navigation, workplace, language) of the reader.
    private func page(_ problem: PageProblem, request: Request, context: Context, requestId: String?) -> Response {
        let frame = PageFrame(request, context: context)
        let texts = renderer.strings
        let heading = texts.lookUp("problem_\(problem.status)", frame.language) ?? problem.title
        var data: [String: Any] = ["status": problem.status, "heading": heading, "type": problem.type]
        let reason = problem.rule.flatMap { texts.rule($0, frame.language) }
        if let reason { data["reason"] = reason }
        // the service's own sentence, unless the reader's already says it word for word
        if let detail = problem.detail, detail != reason { data["detail"] = detail }
        if let field = problem.field { data["field"] = field }
        if let requestId { data["requestId"] = requestId }
        return renderer.page("error", frame, data, status: .init(code: problem.status))
    }
}

/// The cookies of the pages.
enum PageCookies {
    /// The browser session of the pages (HttpOnly, SameSite=Strict, path `/ui`).
    static let session = "praxis_ui"
    /// The same session for the API's plan event stream, which the planner page follows; path
    /// `/plans/` so that no other API request carries it.
    static let apiSession = "praxis_session"
}
