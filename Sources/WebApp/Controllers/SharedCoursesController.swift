import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// The shared-employee catalogue and its go/no-go decisions.
struct SharedCoursesController: Sendable {
    let courses: SharedCourseService

    /// A decision run's input: the date to decide as of (default: today in the center's time zone).
    struct DecisionRun: Decodable {
        let asOf: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("centers/:centerId/shared-courses") { _, context in
            let items = try await courses.catalogue(
                of: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: items))
        }
        router.post("centers/:centerId/shared-courses/decisions") { request, context in
            let centerId = try context.uuidParameter("centerId")
            let run = try await request.decodeJSON(as: DecisionRun.self, context: context)
            let asOf = try run.asOf.map { text in
                guard let date = CalendarDate(iso: text) else {
                    throw ProblemDetails.validation(
                        field: "/asOf", rule: "date", detail: "The asOf ('\(text)') is not a date like 2026-03-20.")
                }
                return date
            }
            let decided = try await courses.decide(in: centerId, asOf: asOf, as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: decided))
        }
    }
}
