import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

extension Request {
    /// A report's `from`, `to` (dates, both required), `organization` (an id) and `category` (a
    /// category's API value): 422 naming the parameter (`required`, `date`, `format`, `oneOf`,
    /// `to` `afterFrom` or `period`).
    func reportFilter() throws -> ReportFilter {
        func day(_ name: String) throws -> CalendarDate {
            guard let text = queryString(name) else {
                throw ProblemDetails.validation(
                    field: name, rule: "required",
                    detail: "The query parameter \(name) is required (a date such as 2026-03-02).")
            }
            guard let date = CalendarDate(iso: text) else {
                throw ProblemDetails.validation(
                    field: name, rule: "date",
                    detail: "The query parameter \(name) ('\(text)') is not a date such as 2026-03-02.")
            }
            return date
        }
        var organizationId: UUID?
        if let text = queryString("organization") {
            guard let id = UUID(uuidString: text) else {
                throw ProblemDetails.validation(
                    field: "organization", rule: "format",
                    detail: "The organization ('\(text)') is not an organization's id.")
            }
            organizationId = id
        }
        let (from, to) = (try day("from"), try day("to"))
        let category = try queryEnum("category", as: Domain.Category.self)
        do throws(DomainError) {
            return try ReportFilter(from: from, to: to, organizationId: organizationId, category: category)
        } catch {
            throw ProblemDetails.validation(field: error.field, rule: error.rule, detail: error.message)
        }
    }

    /// Whether the query asks for a spreadsheet (`format=csv`; `json`, the default, otherwise).
    func wantsCSV() throws -> Bool {
        try queryEnum("format", as: ReportFormat.self) == .csv
    }
}

/// Runs a report use case, naming a refused query parameter as it is written (`organization`), not
/// as a JSON Pointer into a body.
func namingQueryParameters<T>(_ body: () async throws -> T) async throws -> T {
    do {
        return try await body()
    } catch ServiceError.invalid(let error) {
        throw ProblemDetails.validation(field: error.field, rule: error.rule, detail: error.message)
    }
}

/// The formats a report is answered in.
enum ReportFormat: String, CaseIterable {
    case json
    case csv
}
