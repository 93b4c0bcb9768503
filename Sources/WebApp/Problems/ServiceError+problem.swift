public import Access
import Domain
import HTTPTypes

extension ServiceError: ProblemConvertible {
    /// 401 with a `WWW-Authenticate` challenge, 403, 404, 422 with the field, 409 (conflicts with their rule,
    /// clashes, concurrent updates), 412, 429 with `Retry-After`, 503.
    public var problem: ProblemDetails? {
        switch self {
        case .unauthenticated:
            ProblemDetails(
                status: .unauthorized, type: "/problems/unauthenticated", title: "Authentication required",
                detail: "Sign in (POST /login) or send a valid API token as Authorization: Bearer <token>.",
                headers: [.wwwAuthenticate: "Bearer realm=\"praxis\""])
        case .forbidden(let detail, let rule):
            ProblemDetails(
                status: .forbidden, type: "/problems/forbidden", title: "Forbidden", detail: detail, rule: rule)
        case .notFound(let entity):
            .notFound("No such \(entity).")
        case .invalid(let error) where error.field.isEmpty:
            // a rule of the whole request (a NUL somewhere in its texts): no field to point at
            ProblemDetails(
                status: .unprocessableContent, type: "/problems/validation", title: "Invalid request",
                detail: error.message, rule: error.rule)
        case .invalid(let error):
            .validation(field: "/" + error.field, rule: error.rule, detail: error.message)
        case .conflict(let detail, let rule):
            .conflict(detail, rule: rule)
        case .staleVersion(let current):
            .staleVersion(current: current)
        case .throttled(let seconds, let rule):
            ProblemDetails(
                status: .tooManyRequests, type: "/problems/too-many-requests", title: "Too many requests",
                detail: "Too many attempts. Try again in \(seconds) seconds.", rule: rule,
                headers: [.retryAfter: "\(seconds)"])
        case .clash(let detail, let bookings):
            .bookingClash(detail, bookings)
        case .concurrentUpdate:
            ProblemDetails(
                status: .conflict, type: "/problems/concurrent-update", title: "Concurrent update",
                detail: description)
        case .unavailable(let detail):
            .unavailable(detail)
        case .planStale(let items):
            .planStale(items)
        case .quotaExceeded(let use):
            .quotaExceeded(use)
        }
    }
}
