import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Requests of the four categories and their life cycle: each route decodes, calls one use case
/// with the caller, and encodes what it returns.
struct RequestsController: Sendable {
    let requests: RequestService

    /// The body of a transition: the state to move to and, for a rejection or wait-listing, why.
    struct Transition: Decodable {
        let to: RequestState
        let reason: String?
    }

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("centers/:centerId/requests") { request, context in
            let centerId = try context.uuidParameter("centerId")
            let input = try await request.decodeJSON(as: NewRequest.self, context: context)
            let created = try await requests.create(input, in: centerId, as: try context.requirePrincipal())
            return JSONResponse(
                status: .created, value: created, version: created.version, location: "/requests/\(created.id)")
        }
        router.get("centers/:centerId/requests") { request, context in
            let page = try request.queryPage()
            let state = try request.queryEnum("state", as: RequestState.self)
            let category = try request.queryEnum("category", as: Domain.Category.self)
            let items = try await requests.requests(
                in: try context.uuidParameter("centerId"), state: state, category: category, page: page,
                as: try context.requirePrincipal())
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.get("requests/:requestId") { _, context in
            let found = try await requests.request(
                try context.uuidParameter("requestId"), as: try context.requirePrincipal())
            return JSONResponse(value: found, version: found.version)
        }
        router.patch("requests/:requestId") { request, context in
            let id = try context.uuidParameter("requestId")
            let version = try request.ifMatchVersion()
            let edit = try await request.decodeJSON(as: RequestEdit.self, context: context)
            let edited = try await requests.edit(id, edit, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: edited, version: edited.version)
        }
        router.post("requests/:requestId/transitions") { request, context in
            let id = try context.uuidParameter("requestId")
            let version = try request.ifMatchVersion()
            let transition = try await request.decodeJSON(as: Transition.self, context: context)
            let moved = try await requests.move(
                id, to: transition.to, reason: transition.reason, version: version, as: try context.requirePrincipal())
            return JSONResponse(value: moved, version: moved.version)
        }
    }
}
