import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// A center's terms and their teaching weeks.
struct TermsController: Sendable {
    let terms: TermService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/terms") { _, context in
            let list = try await terms.terms(
                of: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: list))
        }
        router.post("centers/:centerId/terms") { request, context in
            let id = try context.uuidParameter("centerId")
            let input = try await request.decodeJSON(as: NewTerm.self, context: context)
            let term = try await terms.create(input, in: id, as: try context.requirePrincipal())
            return JSONResponse(
                status: .created, value: term, version: term.version,
                location: "/terms/\(term.id.uuidString.lowercased())")
        }
        router.get("terms/:termId") { _, context in
            let term = try await terms.term(try context.uuidParameter("termId"), as: try context.requirePrincipal())
            return JSONResponse(value: term, version: term.version)
        }
        router.put("terms/:termId") { request, context in
            let id = try context.uuidParameter("termId")
            let version = try request.ifMatchVersion()
            let input = try await request.decodeJSON(as: NewTerm.self, context: context)
            let term = try await terms.replace(id, with: input, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: term, version: term.version)
        }
        router.delete("terms/:termId") { request, context -> HTTPResponse.Status in
            try await terms.delete(
                try context.uuidParameter("termId"), version: try request.ifMatchVersion(),
                as: try context.requirePrincipal())
            return .noContent
        }
        router.get("terms/:termId/weeks") { request, context in
            let date = try request.queryString("date").map { text in
                guard let date = CalendarDate(iso: text) else {
                    throw ProblemDetails.validation(
                        field: "date", rule: "date",
                        detail: "The query parameter date ('\(text)') is not a date YYYY-MM-DD.")
                }
                return date
            }
            let weeks = try await terms.weeks(
                of: try context.uuidParameter("termId"), containing: date, as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: weeks))
        }
    }
}
