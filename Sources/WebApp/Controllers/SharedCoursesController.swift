import Access
import Dates
import Domain
import Foundation
import Hummingbird
import Service

/// The shared-employee catalogue, seats bought by naming people, and the go/no-go decisions.
struct SharedCoursesController: Sendable {
    let courses: SharedCourseService

    /// A decision run's input: the date to decide as of (default: today in the center's time zone);
    /// one that is not a date is refused when decoded (422 naming `/asOf`).
    struct DecisionRun: Decodable {
        let asOf: CalendarDate?
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/shared-courses") { _, context in
            let items = try await courses.catalogue(
                of: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: items))
        }
        router.post("centers/:centerId/shared-courses/:courseId/seats") { request, context in
            let input = try await request.decodeJSON(as: NamedSeats.self, context: context)
            let bought = try await courses.buySeats(
                input, in: try context.uuidParameter("courseId"), at: try context.uuidParameter("centerId"),
                as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: bought, location: "/requests/\(bought.request.id)")
        }
        router.post("centers/:centerId/shared-courses/decisions") { request, context in
            let centerId = try context.uuidParameter("centerId")
            let run = try await request.decodeJSON(as: DecisionRun.self, context: context)
            let decided = try await courses.decide(in: centerId, asOf: run.asOf, as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: decided))
        }
    }
}
