import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// The shared-employee catalogue and its go/no-go decisions.
struct SharedCoursesController: Sendable {
    let courses: SharedCourseService
    let centers: CenterService

    /// A decision run's input: the date to decide as of (default: today in the center's time zone).
    struct DecisionRun: Decodable {
        let asOf: String?
    }

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("centers/:centerId/shared-courses") { _, context in
            try context.authorize(.read, .center(try context.uuidParameter("centerId")), entity: "center")
            return JSONResponse(
                value: Items(items: try await courses.catalogue(of: try context.uuidParameter("centerId"))))
        }
        router.post("centers/:centerId/shared-courses/decisions") { request, context in
            let centerId = try context.uuidParameter("centerId")
            try context.authorize(.change, .center(centerId), entity: "center")
            let run = try await request.decodeJSON(as: DecisionRun.self, context: context)
            let asOf: CalendarDate
            if let text = run.asOf {
                guard let date = CalendarDate(iso: text) else {
                    throw ProblemDetails.validation(
                        field: "/asOf", rule: "date", detail: "The asOf ('\(text)') is not a date like 2026-03-20.")
                }
                asOf = date
            } else {
                asOf = try await centers.center(centerId, as: try context.requirePrincipal()).today()
            }
            return JSONResponse(
                value: Items(items: try await courses.decide(in: centerId, asOf: asOf, by: try context.actor())))
        }
    }
}
