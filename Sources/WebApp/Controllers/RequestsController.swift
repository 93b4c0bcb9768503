import Access
import Domain
import Foundation
import Hummingbird
import Service

/// Requests of the four categories and their life cycle.
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
            try context.authorize(
                .create,
                .work(Work(centerId: centerId, organizationId: input.organizationId, category: input.details.category)),
                entity: "request")
            let created = try await requests.create(input, in: centerId, by: try context.actor())
            return JSONResponse(
                status: .created, value: created, version: created.version, location: "/requests/\(created.id)")
        }
        router.get("centers/:centerId/requests") { request, context in
            let page = try request.queryPage()
            let state = try request.queryEnum("state", as: RequestState.self)
            let category = try request.queryEnum("category", as: Domain.Category.self)
            let centerId = try context.uuidParameter("centerId")
            let scope = try context.policy().requestScope(at: centerId)
            let organizationId: UUID? = if case .organization(let id) = scope { id } else { nil }
            let items = try await requests.requests(
                in: centerId, organizationId: organizationId, state: state, category: category, page: page)
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.get("requests/:requestId") { _, context in
            let found = try await requests.request(try context.uuidParameter("requestId"))
            try context.authorize(.read, .work(Work(found)), entity: "request")
            return JSONResponse(value: found, version: found.version)
        }
        router.post("requests/:requestId/transitions") { request, context in
            let id = try context.uuidParameter("requestId")
            let version = try request.ifMatchVersion()
            let transition = try await request.decodeJSON(as: Transition.self, context: context)
            let action: Policy.Action = [.submitted, .cancelled].contains(transition.to) ? .change : .decide
            try context.authorize(action, .work(Work(try await requests.request(id))), entity: "request")
            let moved = try await requests.move(
                id, to: transition.to, reason: transition.reason, version: version, by: try context.actor())
            return JSONResponse(value: moved, version: moved.version)
        }
    }
}
