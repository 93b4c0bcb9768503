import Access
import Domain
import Foundation
import Hummingbird
import Service

/// `GET /audit`: the audit trail, newest first, for admins and auditors; filtered by `entity`,
/// `entityId`, `userId`, `action`, `from`, `to` and `centerId`, paged by `limit` and `offset`.
struct AuditController: Sendable {
    let trail: AuditTrail

    func addRoutes(to router: RouterGroup<AppRequestContext>) {
        router.get("audit") { request, context in
            let principal = try context.requirePrincipal()
            let page = try request.queryPage()
            let filter = AuditFilter(
                entity: request.queryString("entity"), entityId: request.queryString("entityId"),
                userId: try request.queryUUID("userId"), action: request.queryString("action"),
                from: try request.queryString("from").map { _ in try request.queryDate("from") },
                to: try request.queryString("to").map { _ in try request.queryDate("to") },
                centerId: try request.queryUUID("centerId"))
            let items: [AuditEntry]
            do {
                items = try await trail.entries(filter, limit: page.limit, offset: page.offset, as: principal)
            } catch ServiceError.invalid(let error) {
                // query parameters are named as they are written, not as JSON Pointers
                throw ProblemDetails.validation(field: error.field, rule: error.rule, detail: error.message)
            }
            return JSONResponse(value: Listing(items: items, limit: page.limit, offset: page.offset))
        }
    }
}
