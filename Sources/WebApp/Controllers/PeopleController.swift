import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Organizations with their cohorts, and a center's instructors.
struct PeopleController: Sendable {
    let organizations: OrganizationService
    let centers: CenterService

    func addRoutes(to router: Router<AppRequestContext>) {
        router.get("organizations") { request, context in
            let page = try request.queryPage()
            let kind = try request.queryEnum("kind", as: OrganizationKind.self)
            guard case .organization(let own) = try context.policy().organizationScope else {
                return JSONResponse(
                    value: Listing(
                        items: try await organizations.organizations(kind: kind, page: page), limit: page.limit,
                        offset: page.offset))
            }
            let mine = try await organizations.organization(own)
            let items = page.offset == 0 && (kind == nil || kind == mine.kind) ? [mine] : []
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.post("organizations") { request, context in
            try context.authorize(.create, .consortium, entity: "organization")
            let input = try await request.decodeJSON(as: NewOrganization.self, context: context)
            let created = try await organizations.create(name: input.name, kind: input.kind, by: try context.actor())
            return JSONResponse(
                status: .created, value: created, version: created.version, location: "/organizations/\(created.id)")
        }
        router.get("organizations/:organizationId") { _, context in
            let id = try context.uuidParameter("organizationId")
            try context.authorize(.read, .organization(id), entity: "organization")
            let found = try await organizations.organization(id)
            return JSONResponse(value: found, version: found.version)
        }
        router.get("organizations/:organizationId/cohorts") { request, context in
            let page = try request.queryPage()
            let id = try context.uuidParameter("organizationId")
            try context.authorize(.read, .organization(id), entity: "organization")
            let items = try await organizations.cohorts(of: id, page: page)
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.post("organizations/:organizationId/cohorts") { request, context in
            let id = try context.uuidParameter("organizationId")
            try context.authorize(.change, .organization(id), entity: "organization")
            let cohort = try await organizations.addCohort(
                try await request.decodeJSON(as: NewCohort.self, context: context), to: id, by: try context.actor())
            return JSONResponse(status: .created, value: cohort, version: cohort.version)
        }
        router.get("centers/:centerId/instructors") { request, context in
            let page = try request.queryPage()
            let centerId = try context.uuidParameter("centerId")
            let items = try await centers.instructors(of: centerId, page: page, as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.post("centers/:centerId/instructors") { request, context in
            let id = try context.uuidParameter("centerId")
            let instructor = try await centers.addInstructor(
                try await request.decodeJSON(as: NewInstructor.self, context: context), to: id,
                as: try context.requirePrincipal())
            return JSONResponse(status: .created, value: instructor, version: instructor.version)
        }
    }
}
