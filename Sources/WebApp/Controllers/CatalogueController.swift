import Access
import Domain
import Foundation
import Hummingbird
import Service

/// A center's capability catalogue: read by everyone who reads the center, changed by its managers.
struct CatalogueController: Sendable {
    let catalogue: CatalogueService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("centers/:centerId/catalogue") { _, context in
            let entries = try await catalogue.entries(
                of: try context.uuidParameter("centerId"), as: try context.requirePrincipal())
            return JSONResponse(value: Items(items: entries))
        }
        router.post("centers/:centerId/catalogue") { request, context in
            let centerId = try context.uuidParameter("centerId")
            let entry = try await catalogue.add(
                try await request.decodeJSON(as: NewCatalogueEntry.self, context: context), to: centerId,
                as: try context.requirePrincipal())
            return JSONResponse(
                status: .created, value: entry, version: entry.version,
                location: "/centers/\(centerId)/catalogue/\(entry.tag)")
        }
        router.get("centers/:centerId/catalogue/:tag") { _, context in
            let entry = try await catalogue.entry(
                try context.tagParameter(), of: try context.uuidParameter("centerId"),
                as: try context.requirePrincipal())
            return JSONResponse(value: entry, version: entry.version)
        }
        router.patch("centers/:centerId/catalogue/:tag") { request, context in
            let (centerId, tag) = (try context.uuidParameter("centerId"), try context.tagParameter())
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: CatalogueChange.self, context: context)
            let entry = try await catalogue.change(
                tag, of: centerId, change, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: entry, version: entry.version)
        }
    }
}

extension RequestContext {
    /// The `tag` path parameter: a capability tag, else 404.
    func tagParameter() throws -> String {
        guard let text = parameters.get("tag"), let tag = try? Validate.tag(text, field: "tag"), tag == text else {
            throw ProblemDetails.notFound()
        }
        return tag
    }
}
