public import Domain
import Foundation
public import Hummingbird

/// An RFC 9457 problem document, sent as `application/problem+json`.
///
/// `type` is a stable identifier of the kind of problem (`/problems/validation`), `field` a JSON
/// Pointer to the offending input when there is one, `detail` a sentence for a person.
public struct ProblemDetails: HTTPResponseError, Encodable, Sendable {
    public var type: String
    public var title: String
    public var statusCode: Int
    public var detail: String?
    public var instance: String?
    /// JSON Pointer (RFC 6901) to the offending field of the request, e.g. `/sessions/0/start`.
    public var field: String?
    /// The rule the field broke, e.g. `required`, `range`, `format`; of a conflict, the state in the way
    /// (`taken`, `planStatus`, …).
    public var rule: String?
    /// What a refused booking clashed with, as much as the caller may see.
    public var conflicts: [Clash]?
    /// The nearest free alternatives to a refused booking (same resources later, equivalent ones then).
    public var alternatives: [BookingAlternative]?
    /// What a refused plan publication found changed since the run.
    public var stale: [StaleAssignment]?
    /// The quota a refused booking would exceed, with what is left of it in the window.
    public var quota: QuotaUse?
    /// Extra response headers (e.g. `Retry-After`).
    public var headers: HTTPFields

    public var status: HTTPResponse.Status { .init(code: statusCode) }

    public init(
        status: HTTPResponse.Status,
        type: String,
        title: String,
        detail: String? = nil,
        field: String? = nil,
        rule: String? = nil,
        headers: HTTPFields = [:]
    ) {
        self.type = type
        self.title = title
        self.statusCode = status.code
        self.detail = detail
        self.field = field
        self.rule = rule
        self.headers = headers
    }

    enum CodingKeys: String, CodingKey {
        case type, title
        case statusCode = "status"
        case detail, instance, field, rule, conflicts, alternatives, stale, quota
    }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var problem = self
        problem.instance = problem.instance ?? request.uri.path
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(problem)
        var fields = headers
        fields[.contentType] = "application/problem+json"
        return Response(status: status, headers: fields, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension ProblemDetails {
    /// 422: a field of the request broke a rule.
    public static func validation(field: String, rule: String, detail: String) -> ProblemDetails {
        ProblemDetails(
            status: .unprocessableContent, type: "/problems/validation", title: "Invalid request",
            detail: detail, field: field, rule: rule)
    }

    /// 400: the body is not well-formed JSON.
    public static func malformedBody(_ detail: String) -> ProblemDetails {
        ProblemDetails(
            status: .badRequest, type: "/problems/malformed-body", title: "Malformed request body", detail: detail)
    }

    /// 404: nothing is at this address (or the caller may not know it exists).
    public static func notFound(_ detail: String = "Nothing is at this address.") -> ProblemDetails {
        ProblemDetails(status: .notFound, type: "/problems/not-found", title: "Not found", detail: detail)
    }

    /// 409: the request clashes with the current state.
    public static func conflict(_ detail: String, rule: String) -> ProblemDetails {
        ProblemDetails(status: .conflict, type: "/problems/conflict", title: "Conflict", detail: detail, rule: rule)
    }

    /// 409: bookings stand in the way, each as the use case showed it to the caller.
    public static func bookingClash(_ detail: String, _ bookings: [ShownBooking]) -> ProblemDetails {
        var problem = ProblemDetails(
            status: .conflict, type: "/problems/booking-clash", title: "Booking clash", detail: detail)
        problem.conflicts = bookings.map(Clash.init)
        return problem
    }

    /// 409: the plan is out of date; every assignment that no longer holds, and why.
    public static func planStale(_ items: [StaleAssignment]) -> ProblemDetails {
        var problem = ProblemDetails(
            status: .conflict, type: "/problems/plan-stale", title: "The plan is out of date",
            detail:
                "\(items.count) assignment(s) no longer hold since the run; nothing was written. Run the plan again.")
        problem.stale = items
        return problem
    }

    /// 409: a booking would take its organization past a quota (`quota` says which and what is left).
    public static func quotaExceeded(_ use: QuotaUse) -> ProblemDetails {
        var problem = ProblemDetails(
            status: .conflict, type: "/problems/quota-exceeded", title: "Quota reached", detail: use.sentence,
            rule: "quota")
        problem.quota = use
        return problem
    }

    /// 412: the object changed since the caller read it.
    public static func staleVersion(current: Int) -> ProblemDetails {
        ProblemDetails(
            status: .preconditionFailed, type: "/problems/stale-version", title: "Stale version",
            detail:
                "The object changed since you read it; it is now at version \(current). Read it again and retry with If-Match: \"\(current)\"."
        )
    }

    /// 500: something failed on our side; the body says nothing more.
    public static func internalError(requestID: String) -> ProblemDetails {
        ProblemDetails(
            status: .internalServerError, type: "/problems/internal", title: "Internal error",
            detail: "Something went wrong on our side. Quote request id \(requestID) when you report it.")
    }

    /// 503: the service cannot serve requests now.
    public static func unavailable(_ detail: String) -> ProblemDetails {
        ProblemDetails(
            status: .serviceUnavailable, type: "/problems/unavailable", title: "Service unavailable", detail: detail)
    }
}
