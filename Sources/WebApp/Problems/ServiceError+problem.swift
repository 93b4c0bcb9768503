import Domain
import HTTPTypes
public import Service

extension ServiceError: ProblemConvertible {
    /// Validation → 422 with the field, missing → 404, conflicts and clashes → 409.
    public var problem: ProblemDetails? {
        switch self {
        case .invalid(let error):
            .validation(field: "/" + error.field, rule: error.rule, detail: error.message)
        case .notFound(let entity):
            .notFound("No such \(entity).")
        case .conflict(let detail):
            ProblemDetails(status: .conflict, type: "/problems/conflict", title: "Conflict", detail: detail)
        case .staleVersion(let current):
            ProblemDetails(
                status: .preconditionFailed, type: "/problems/stale-version", title: "Stale version",
                detail: "The object changed since you read it; it is now at version \(current). Read it again and retry with If-Match: \"\(current)\".")
        case .clash(let detail, let bookings):
            {
                var problem = ProblemDetails(status: .conflict, type: "/problems/booking-clash", title: "Booking clash", detail: detail)
                problem.conflicts = bookings.map { Clash($0) }
                return problem
            }()
        }
    }
}
