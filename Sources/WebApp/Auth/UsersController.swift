import Access
import Domain
import Hummingbird
import Service

/// Accounts: `POST /users` (admins), `GET /users` (admins, auditors), `GET /users/{id}` and
/// `PATCH /users/{id}` with If-Match (admins; the owner for name and password), and
/// `POST /centers/{id}/onboardings` (a center's managers: an organization and its first coordinator).
struct UsersController: Sendable {
    let users: UserService

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.post("users") { request, context in
            let principal = try context.requirePrincipal()
            let user = try await users.create(
                try await request.decodeJSON(as: NewUser.self, context: context), as: principal)
            return JSONResponse(status: .created, value: user, version: user.version, location: "/users/\(user.id)")
        }
        router.post("centers/:centerId/onboardings") { request, context in
            let principal = try context.requirePrincipal()
            let centerId = try context.uuidParameter("centerId")
            let onboarded = try await users.onboard(
                try await request.decodeJSON(as: Onboarding.self, context: context), at: centerId, as: principal)
            // the initial password is shown once: never cached, never replayed for an Idempotency-Key
            var response = try JSONResponse(
                status: .created, value: onboarded, location: "/organizations/\(onboarded.organization.id)"
            ).response(from: request, context: context)
            response.headers[.cacheControl] = "no-store"
            return response
        }
        router.get("users") { request, context in
            let principal = try context.requirePrincipal()
            let page = try request.queryPage()
            let items = try await users.users(
                organizationId: try request.queryUUID("organizationId"), limit: page.limit, offset: page.offset,
                as: principal)
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
        router.get("users/:userId") { _, context in
            let user = try await users.user(try context.uuidParameter("userId"), as: try context.requirePrincipal())
            return JSONResponse(value: user, version: user.version)
        }
        router.patch("users/:userId") { request, context in
            let principal = try context.requirePrincipal()
            let id = try context.uuidParameter("userId")
            let version = try request.ifMatchVersion()
            let change = try await request.decodeJSON(as: UserChange.self, context: context)
            let user = try await users.change(id, change, version: version, as: principal)
            return JSONResponse(value: user, version: user.version)
        }
    }
}
