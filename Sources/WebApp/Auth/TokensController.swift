import Access
import Hummingbird
import Service

/// `POST /tokens` (the secret is in this answer only), `GET /tokens`, `DELETE /tokens/{id}`.
struct TokensController: Sendable {
    let tokens: TokenService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("tokens") { request, context in
            let principal = try context.requirePrincipal()
            let issued = try await tokens.create(
                try await request.decodeJSON(as: NewToken.self, context: context), as: principal)
            var response = try JSONResponse(status: .created, value: issued, location: "/tokens/\(issued.token.id)")
                .response(from: request, context: context)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.get("tokens") { request, context in
            let principal = try context.requirePrincipal()
            let page = try request.queryPage()
            let items = try await tokens.tokens(limit: page.limit, offset: page.offset, as: principal)
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.delete("tokens/:tokenId") { _, context in
            let principal = try context.requirePrincipal()
            return JSONResponse(value: try await tokens.revoke(try context.uuidParameter("tokenId"), as: principal))
        }
    }
}
