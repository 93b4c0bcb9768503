import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Timetables of resources, instructors, cohorts and organizations.
struct TimetablesController: Sendable {
    let timetables: TimetableService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        route(router, "resources/:resourceId/timetable", parameter: "resourceId", subject: TimetableSubject.resource)
        route(
            router, "instructors/:instructorId/timetable", parameter: "instructorId",
            subject: TimetableSubject.instructor)
        route(router, "cohorts/:cohortId/timetable", parameter: "cohortId", subject: TimetableSubject.cohort)
        route(
            router, "organizations/:organizationId/timetable", parameter: "organizationId",
            subject: TimetableSubject.organization)
    }

    private func route(
        _ router: RouterGroup<AppRequestContext>, _ path: RouterPath, parameter: String,
        subject: @escaping @Sendable (UUID) -> TimetableSubject
    ) {
        router.get(path) { request, context in
            let (from, to) = try request.queryRange()
            let page = try request.queryPage()
            let items = try await timetables.timetable(
                of: subject(try context.uuidParameter(parameter)), from: from, to: to, page: page,
                as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
    }
}
