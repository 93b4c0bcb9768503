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
            .conflict(detail)
        case .staleVersion(let current):
            .staleVersion(current: current)
        case .clash(let detail, let bookings):
            .bookingClash(detail, bookings)
        }
    }
}
