import Access
import Foundation
import Hummingbird
import Service

/// `GET|POST /ui/login`, `POST /ui/logout`, `GET /ui/lang`: signing in and out with the Access
/// module's sessions, and the language switch.
struct LoginPages: Sendable {
    let services: PageServices
    let renderer: PageRenderer
    let options: WebUI.Options

    func addRoutes<Context: PageContext>(to router: RouterGroup<Context>) {
        router.get("login") { request, context in
            renderer.page(
                "login", PageFrame(request, context: context),
                ["next": Self.next(request.uri.queryParameters["next"].map(String.init))])
        }
        router.post("login") { request, context in
            let form = try await Form.read(request, context: context, checkingCSRF: false)
            let next = Self.next(form["next"])
            do {
                let session = try await services.login.login(
                    username: form.text("username"), password: form.values["password"]?.first ?? "",
                    client: options.client(of: request, context))
                var response = Response.redirect(to: next)
                response.setCookie(cookie(PageCookies.session, session.cookie, path: "/ui"))
                response.setCookie(cookie(PageCookies.apiSession, session.cookie, path: "/plans/"))
                return response
            } catch let error as ServiceError {
                let frame = PageFrame(request, principal: nil, csrf: nil)
                let message: String
                let status: HTTPResponse.Status
                switch error {
                case .throttled(let seconds, _):
                    (message, status) = (
                        renderer.strings.text("login_throttled", frame.language).replacingOccurrences(
                            of: "{seconds}", with: "\(seconds)"), .tooManyRequests
                    )
                case .invalid:  // an oversized username or password: refused before any work
                    (message, status) = (renderer.strings.text("login_failed", frame.language), .unprocessableContent)
                default:
                    (message, status) = (renderer.strings.text("login_failed", frame.language), .unauthorized)
                }
                return renderer.page(
                    "login", frame, ["next": next, "username": form.text("username"), "error": message], status: status)
            }
        }
        router.post("logout") { request, context in
            _ = try await Form.read(request, context: context)
            if let cookie = request.cookies[PageCookies.session]?.value, let principal = context.session?.principal {
                try await services.login.logout(cookie: cookie, as: principal)
            }
            var response = Response.redirect(to: "/ui/login")
            response.setCookie(cookie(PageCookies.session, "", path: "/ui", maxAge: 0))
            response.setCookie(cookie(PageCookies.apiSession, "", path: "/plans/", maxAge: 0))
            return response
        }
        router.get("lang") { request, _ in
            let language = request.uri.queryParameters["to"].flatMap { Language(rawValue: String($0)) } ?? .zh
            var response = Response.redirect(to: Self.next(request.uri.queryParameters["back"].map(String.init)))
            response.setCookie(
                Cookie(
                    name: Language.cookie, value: language.rawValue, maxAge: 365 * 86_400, path: "/",
                    secure: options.secureCookies,
                    httpOnly: true, sameSite: .lax))
            return response
        }
    }

    /// Where to go after signing in or switching language: a page of the UI, never another site.
    static func next(_ raw: String?) -> String {
        guard let raw, raw.hasPrefix("/ui/") || raw == "/ui", !raw.hasPrefix("//"), !raw.contains("\\") else {
            return "/ui/"
        }
        return raw
    }

    private func cookie(_ name: String, _ value: String, path: String, maxAge: Int? = nil) -> Cookie {
        Cookie(
            name: name, value: value, maxAge: maxAge ?? Int(options.sessionLifetime), path: path,
            secure: options.secureCookies,
            httpOnly: true, sameSite: .strict)
    }
}
