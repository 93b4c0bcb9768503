import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Organizations with their cohorts, and a center's instructors (each editable with If-Match): each route decodes, calls one
/// use case with the caller, and encodes what it returns.
struct PeopleController: Sendable {
    let organizations: OrganizationService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("organizations") { request, context in
            let page = try request.queryPage()
            let kind = try request.queryEnum("kind", as: OrganizationKind.self)
            let items = try await organizations.organizations(
                kind: kind, page: page, as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.post("organizations") { request, context in
            let input = try await request.decodeJSON(as: NewOrganization.self, context: context)
            let created = try await organizations.create(
                name: input.name, kind: input.kind, as: try context.requirePrincipal())
            return JSONResponse(
                status: .created, value: created, version: created.version, location: "/organizations/\(created.id)")
        }
        router.get("organizations/:organizationId") { _, context in
            let found = try await organizations.organization(
                try context.uuidParameter("organizationId"), as: try context.requirePrincipal())
            return JSONResponse(value: found, version: found.version)
        }
        router.patch("organizations/:organizationId") { request, context in
            let id = try context.uuidParameter("organizationId")
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: OrganizationChange.self, context: context)
            let changed = try await organizations.change(
                id, change, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: changed, version: changed.version)
        }
        router.get("organizations/:organizationId/cohorts") { request, context in
            let page = try request.queryPage()
            let items = try await organizations.cohorts(
                of: try context.uuidParameter("organizationId"), page: page, as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.post("organizations/:organizationId/cohorts") { request, context in
            let id = try context.uuidParameter("organizationId")
            let input = try await request.decodeJSON(as: NewCohort.self, context: context)
            let cohort = try await organizations.addCohort(input, to: id, as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: cohort, version: cohort.version)
        }
        router.get("organizations/:organizationId/cohorts/:cohortId") { _, context in
            let cohort = try await organizations.cohort(
                try context.uuidParameter("cohortId"), of: try context.uuidParameter("organizationId"),
                as: try context.requirePrincipal())
            return JSONResponse(value: cohort, version: cohort.version)
        }
        router.patch("organizations/:organizationId/cohorts/:cohortId") { request, context in
            let (organizationId, id) = (
                try context.uuidParameter("organizationId"), try context.uuidParameter("cohortId")
            )
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: CohortChange.self, context: context)
            let cohort = try await organizations.changeCohort(
                id, of: organizationId, change, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: cohort, version: cohort.version)
        }
        router.get("centers/:centerId/instructors") { request, context in
            let page = try request.queryPage()
            let items = try await organizations.instructors(
                of: try context.uuidParameter("centerId"), page: page, as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.post("centers/:centerId/instructors") { request, context in
            let id = try context.uuidParameter("centerId")
            let input = try await request.decodeJSON(as: NewInstructor.self, context: context)
            let instructor = try await organizations.addInstructor(input, to: id, as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: instructor, version: instructor.version)
        }
        router.get("instructors/:instructorId") { _, context in
            let found = try await organizations.instructor(
                try context.uuidParameter("instructorId"), as: try context.requirePrincipal())
            return JSONResponse(value: found, version: found.version)
        }
        router.patch("instructors/:instructorId") { request, context in
            let id = try context.uuidParameter("instructorId")
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: InstructorChange.self, context: context)
            let changed = try await organizations.changeInstructor(
                id, change, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: changed, version: changed.version)
        }
    }
}
