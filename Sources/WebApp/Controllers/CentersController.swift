import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Centers and their resources.
struct CentersController: Sendable {
    let centers: CenterService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers") { request, context in
            let page = try request.queryPage()
            let items = try await centers.centers(page: page, as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.post("centers") { request, context in
            let center = try await centers.create(
                try await request.decodeJSON(as: NewCenter.self, context: context), as: try context.requirePrincipal())
            return JSONResponse(
                status: .created, value: center, version: center.version, location: "/centers/\(center.id)")
        }
        router.get("centers/:centerId") { _, context in
            let center = try await centers.center(
                try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: center, version: center.version)
        }
        router.patch("centers/:centerId") { request, context in
            let id = try context.uuidParameter("centerId")
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: CenterChange.self, context: context)
            let center = try await centers.change(
                center: id, change, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: center, version: center.version)
        }
        router.get("centers/:centerId/resources") { request, context in
            let page = try request.queryPage()
            let items = try await centers.resources(
                of: try context.uuidParameter("centerId"), page: page, as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.get("resources/:resourceId") { _, context in
            let resource = try await centers.resource(
                try context.uuidParameter("resourceId"), as: try context.requirePrincipal())
            return JSONResponse(value: resource, version: resource.version)
        }
        router.patch("resources/:resourceId") { request, context in
            let id = try context.uuidParameter("resourceId")
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: ResourceChange.self, context: context)
            let resource = try await centers.change(
                resource: id, change, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: resource, version: resource.version)
        }
        router.post("centers/:centerId/resources") { request, context in
            let resource = try await centers.addResource(
                try await request.decodeJSON(as: NewResource.self, context: context),
                to: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(
                status: .created, value: resource, version: resource.version, location: "/resources/\(resource.id)")
        }
    }
}
