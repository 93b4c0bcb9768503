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

    /// What the policy decides on: a resource's timetable is the center's to show (as occupied
    /// blocks where the reader may not see more); the others belong to the instructor or organization.
    static func policySubject(_ subject: TimetableSubject, _ owner: TimetableOwner) throws -> Policy.Subject {
        switch (subject, owner.centerId, owner.organizationId) {
        case (.resource, let centerId?, _): .center(centerId)
        case (.instructor(let id), let centerId?, _): .instructor(id: id, centerId: centerId)
        case (.cohort, _, let organizationId?), (.organization, _, let organizationId?): .organization(organizationId)
        default: throw ServiceError.notFound(entity: subject.entity)
        }
    }

    private func route(
        _ router: RouterGroup<AppRequestContext>, _ path: RouterPath, parameter: String,
        subject: @escaping @Sendable (UUID) -> TimetableSubject
    ) {
        router.get(path) { request, context in
            let (from, to) = try request.queryRange()
            let page = try request.queryPage()
            let id = try context.uuidParameter(parameter)
            let owner = try await timetables.owner(of: subject(id))
            try context.authorize(.read, try Self.policySubject(subject(id), owner), entity: subject(id).entity)
            // an instructor's timetable is the work they teach: whoever may read it sees it in full
            let audience: Audience =
                if case .instructor = subject(id) { .center } else { try context.audience(at: owner.centerId) }
            let items = try await timetables.timetable(
                of: subject(id), from: from, to: to, page: page, audience: audience)
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
    }
}
