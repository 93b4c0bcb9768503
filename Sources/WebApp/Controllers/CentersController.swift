import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Centers and their resources.
struct CentersController: Sendable {
    let centers: CenterService

    /// The fields of a resource a PATCH may change.
    struct ResourceChange: Decodable {
        let status: ResourceStatus
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers") { request, context in
            try context.authorize(.read, .consortium, entity: "center")
            let page = try request.queryPage()
            return JSONResponse(
                value: Listing(items: try await centers.centers(page: page), limit: page.limit, offset: page.offset))
        }
        router.post("centers") { request, context in
            try context.authorize(.create, .consortium, entity: "center")
            let center = try await centers.create(
                try await request.decodeJSON(as: NewCenter.self, context: context), by: try context.actor())
            return JSONResponse(
                status: .created, value: center, version: center.version, location: "/centers/\(center.id)")
        }
        router.get("centers/:centerId") { _, context in
            let center = try await centers.center(try context.uuidParameter("centerId"))
            try context.authorize(.read, .center(center.id), entity: "center")
            return JSONResponse(value: center, version: center.version)
        }
        router.get("centers/:centerId/resources") { request, context in
            let page = try request.queryPage()
            let centerId = try context.uuidParameter("centerId")
            try context.authorize(.read, .center(centerId), entity: "center")
            let items = try await centers.resources(of: centerId, page: page)
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.get("resources/:resourceId") { _, context in
            let resource = try await centers.resource(try context.uuidParameter("resourceId"))
            try context.authorize(.read, .center(resource.centerId), entity: "resource")
            return JSONResponse(value: resource, version: resource.version)
        }
        router.patch("resources/:resourceId") { request, context in
            let id = try context.uuidParameter("resourceId")
            try context.authorize(.change, .center(try await centers.resource(id).centerId), entity: "resource")
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: ResourceChange.self, context: context)
            let resource = try await centers.setStatus(change.status, of: id, version: version, by: try context.actor())
            return JSONResponse(value: resource, version: resource.version)
        }
        router.post("centers/:centerId/resources") { request, context in
            let centerId = try context.uuidParameter("centerId")
            try context.authorize(.change, .center(centerId), entity: "center")
            let resource = try await centers.addResource(
                try await request.decodeJSON(as: NewResource.self, context: context), to: centerId,
                by: try context.actor())
            return JSONResponse(
                status: .created, value: resource, version: resource.version, location: "/resources/\(resource.id)")
        }
    }
}
