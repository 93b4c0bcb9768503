/// Failures the pages raise themselves; everything else is mapped by the application's problem
/// mapping (``PageProblem``).
enum PageError: Error, Equatable {
    /// No session: the reader is sent to the login page.
    case signIn
    /// Not a page, or a thing the reader may not know of.
    case notFound
    /// Signed in, but this page is for another role.
    case forbidden
    /// A form without the session's CSRF token, or posted from another site.
    case csrf

    var problem: PageProblem {
        switch self {
        case .signIn: PageProblem(status: 401, type: "/problems/unauthenticated", title: "Authentication required")
        case .notFound:
            PageProblem(
                status: 404, type: "/problems/not-found", title: "Not found", detail: "Nothing is at this address.",
                rule: "pageMissing")
        case .forbidden:
            PageProblem(
                status: 403, type: "/problems/forbidden", title: "Forbidden", detail: "This page is for another role.",
                rule: "otherRole")
        case .csrf:
            PageProblem(
                status: 403, type: "/problems/csrf", title: "CSRF token missing or wrong",
                detail:
                    "The form was not sent from this site's page, or the session changed. Reload the page and try again.",
                rule: "csrfToken")
        }
    }
}
