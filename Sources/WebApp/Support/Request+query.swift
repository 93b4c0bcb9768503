import Access
import Domain
import Foundation
import Hummingbird
import Service

extension Request {
    /// An optional query parameter as text.
    func queryString(_ name: String) -> String? {
        uri.queryParameters[Substring(name)].map(String.init)
    }

    /// A required ISO 8601 timestamp from the query string (`2026-03-02T08:00:00+08:00`).
    func queryDate(_ name: String) throws -> Date {
        guard let text = queryString(name) else {
            throw ProblemDetails.validation(
                field: name, rule: "required",
                detail: "The query parameter \(name) is required (an ISO 8601 time such as 2026-03-02T08:00:00+08:00).")
        }
        guard let date = ISO8601DateFormatter().date(from: text) else {
            throw ProblemDetails.validation(
                field: name, rule: "format",
                detail:
                    "The query parameter \(name) ('\(text)') is not an ISO 8601 time such as 2026-03-02T08:00:00+08:00."
            )
        }
        guard Validate.instants.contains(date) else {
            throw ProblemDetails.validation(
                field: name, rule: "range",
                detail: "The query parameter \(name) must lie between the years 2000 and 2999.")
        }
        return date
    }

    /// `from` and `to` of a date-range query; `to` must be after `from` and at most 400 days later.
    func queryRange() throws -> (from: Date, to: Date) {
        let from = try queryDate("from")
        let to = try queryDate("to")
        guard from < to, to.timeIntervalSince(from) <= 400 * 86_400 else {
            throw ProblemDetails.validation(
                field: "to", rule: "range", detail: "The range must end after it starts and span at most 400 days.")
        }
        return (from, to)
    }

    /// `limit` (default 100, at most 500) and `offset` (default 0) of a listing.
    func queryPage() throws -> Page {
        func integer(_ name: String, default value: Int) throws -> Int {
            guard let text = queryString(name) else { return value }
            guard let number = Int(String(text)) else {
                throw ProblemDetails.validation(
                    field: name, rule: "type", detail: "The query parameter \(name) ('\(text)') must be an integer.")
            }
            return number
        }
        do {
            return try Page(limit: try integer("limit", default: 100), offset: try integer("offset", default: 0))
        } catch ServiceError.invalid(let error) {
            // query parameters are named as they are written, not as JSON Pointers
            throw ProblemDetails.validation(field: error.field, rule: error.rule, detail: error.message)
        }
    }
}

extension Request {
    /// An optional query parameter that must be one of an enum's raw values.
    func queryEnum<T: RawRepresentable & CaseIterable>(_ name: String, as type: T.Type) throws -> T?
    where T.RawValue == String {
        guard let text = queryString(name) else { return nil }
        guard let value = T(rawValue: text) else {
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            throw ProblemDetails.validation(
                field: name, rule: "oneOf", detail: "The \(name) ('\(text)') must be one of \(allowed).")
        }
        return value
    }
}

extension RequestContext {
    /// A path parameter that must be a UUID; anything else is a 404 (no such object).
    func uuidParameter(_ name: String) throws -> UUID {
        guard let text = parameters.get(name), let id = UUID(uuidString: text) else { throw ProblemDetails.notFound() }
        return id
    }
}

extension Request {
    /// The version an update is based on, from `If-Match: "3"`: 428 when missing, 400 when unreadable.
    func ifMatchVersion() throws -> Int {
        guard let header = headers[.ifMatch] else {
            throw ProblemDetails(
                status: .preconditionRequired, type: "/problems/if-match-required", title: "If-Match required",
                detail: "Send If-Match with the ETag you last read, e.g. If-Match: \"1\".")
        }
        let digits = header.trimmingCharacters(in: CharacterSet(charactersIn: "\" W/"))
        guard let version = Int(digits) else {
            throw ProblemDetails.malformedBody("The If-Match header (\(header)) is not an ETag this service issued.")
        }
        return version
    }
}
